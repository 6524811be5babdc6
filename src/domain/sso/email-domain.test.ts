import { describe, expect, it } from 'vitest';
import { domainCovers, domainOfEmail, normalizeDomain } from './email-domain';

describe('SSO e-mail domains', () => {
  it.each([
    ['Acme.COM', 'acme.com'],
    ['eu.acme.com.', 'eu.acme.com'],
    ['acme', null],
    ['https://acme.com', null],
    ['acme.com,evil.com', null],
    ['-acme.com', null],
  ])('normalizes %s to %s', (input, expected) => {
    expect(normalizeDomain(input)).toBe(expected);
  });

  it.each([
    ['ana@Acme.com', 'acme.com'],
    ['a@b@eu.acme.com', 'eu.acme.com'],
    ['no-at-sign', null],
    ['@acme.com', null],
  ])('reads the domain of %s as %s', (email, expected) => {
    expect(domainOfEmail(email)).toBe(expected);
  });

  it.each([
    ['acme.com', 'acme.com', true],
    ['acme.com', 'eu.acme.com', true],
    ['acme.com', 'notacme.com', false],
    ['eu.acme.com', 'acme.com', false],
  ])('%s covers %s: %s', (domain, emailDomain, expected) => {
    expect(domainCovers(domain, emailDomain)).toBe(expected);
  });
});
