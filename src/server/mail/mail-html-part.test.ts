import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { calendarPartOf, type SmtpSink, startAppWithSmtp } from '../../../test/support/app-with-smtp';
import { localIn, startPair } from '../../../test/support/relationship-fixtures';
import { type MimePart, parseMime } from '../../../test/support/smtp-sink';
import type { TestApp } from '../../../test/support/test-app';
import { outboxMessages } from '../db/schema';

// Issue 12, point 4: the mails the app itself sends (an invitation with the inviter's own words, a
// booked session with its .ics) reach a real SMTP server with an HTML part in which every web address
// of the text is a real link and everything else is escaped text, while the .ics stays as it was made.
let t: TestApp;
let sink: SmtpSink;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ t, sink, close } = await startAppWithSmtp(new Date('2026-11-21T09:00:00Z')));
});
afterAll(() => close());

const partOf = (parts: MimePart[], type: string) =>
  parts.find((part) => part.headers['content-type']?.startsWith(type))?.body ?? '';
const addressesIn = (text: string) =>
  [...text.matchAll(/https?:\/\/[^\s<>"']+/g)].map((match) => match[0].replace(/[.,;:!?)\]]+$/, ''));
const unescapeHtml = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const hrefsIn = (html: string) =>
  [...html.matchAll(/<a href="([^"]*)">/g)].map((match) => unescapeHtml(match[1] ?? ''));
// What is left of the HTML once the few tags Corner writes are taken out: no markup may remain.
const withoutOwnTags = (html: string) =>
  html.replace(/<!doctype html>|<\/?(html|body[^>]*|p|br)>|<a href="[^"]*">|<\/a>/g, '');

describe('the HTML part of the mail Corner sends', () => {
  it('links every address of the invitation and escapes the inviter’s words', async () => {
    const message = 'Can we talk <b>pricing</b> & "growth"? My notes: https://notes.example/a?x=1&y=2.';
    const { guide } = await startPair(t, { invite: { message }, agree: false });
    const invitation = sink.received.find((mail) => mail.to.includes(guide.email));
    const parts = parseMime(invitation?.raw ?? '');
    const text = partOf(parts, 'text/plain');
    const html = partOf(parts, 'text/html');

    const addresses = addressesIn(text);
    expect(addresses).toContain('https://notes.example/a?x=1&y=2');
    expect(addresses.some((address) => /\/invitations\/[^/]+$/.test(address))).toBe(true);
    expect(hrefsIn(html)).toEqual(addresses);
    expect(html).toContain('Can we talk &lt;b&gt;pricing&lt;/b&gt; &amp; &quot;growth&quot;?');
    expect(withoutOwnTags(html)).not.toMatch(/[<>]/);
  });

  it('adds the HTML part to a booked session’s mail and leaves its .ics as it was made', async () => {
    const { member, relationshipId } = await startPair(t);
    const response = await member.request(`/api/v1/relationships/${relationshipId}/sessions`, {
      method: 'POST',
      body: {
        localStart: localIn(t.clock.now, 10, 16),
        timeZone: 'Europe/Berlin',
        template: 'first',
        meetingLink: 'https://meet.example/room?id=7&pin=3',
      },
    });
    expect(response.status).toBe(201);
    const booked = await vi.waitFor(
      () => {
        const mail = sink.received.find(
          (m) => m.to.includes(member.email) && /session is booked/i.test(m.raw),
        );
        if (!mail) throw new Error('the booking mail has not arrived yet');
        return mail;
      },
      { timeout: 20_000, interval: 100 },
    );
    const parts = parseMime(booked.raw);
    const text = partOf(parts, 'text/plain');
    const html = partOf(parts, 'text/html');
    expect(addressesIn(text)).toContain('https://meet.example/room?id=7&pin=3');
    expect(hrefsIn(html)).toEqual(addressesIn(text));
    expect(withoutOwnTags(html)).not.toMatch(/[<>]/);

    const stored = (await t.database.db.select().from(outboxMessages)).find(
      (row) => row.to === member.email.toLowerCase() && /session is booked/i.test(row.text),
    );
    const made = stored?.attachments.find((attachment) => attachment.filename.endsWith('.ics'));
    expect(made?.content).toMatch(/BEGIN:VCALENDAR/);
    expect(calendarPartOf(booked.raw).replace(/\r\n/g, '\n').trim()).toBe(
      (made?.content ?? '').replace(/\r\n/g, '\n').trim(),
    );
  });
});
