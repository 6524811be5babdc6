import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import type { AgreementTerms } from '../../../domain/agreements/agreement-terms';
import type { AvailabilityWindow } from '../../../domain/sessions/availability';
import { user } from './auth';

// PostgreSQL full-text search document; written only by the database (generated column).
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
// The UTC week's half-hour slots as one bit each (SLOTS_PER_WEEK = 336), for the fit score's overlap.
const weekMask = customType<{ data: string }>({ dataType: () => 'bit(336)' });

export type ProofOfWork = { label: string; url: string | null; description: string };

// Anyone can also act as a guide. One profile per person, with every field of PRODUCT.md §2.3.
// Status and the activity columns drive reliability: a guide who goes quiet is paused from search
// and matching, and told so.
export const guideProfiles = pgTable(
  'guide_profiles',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => user.id, { onDelete: 'cascade' }),
    headline: text('headline').notNull().default(''),
    bio: text('bio').notNull().default(''),
    kind: text('kind', { enum: ['mentor', 'coach', 'both'] })
      .notNull()
      .default('mentor'),
    expertise: text('expertise').array().notNull().default([]),
    proofOfWork: jsonb('proof_of_work').$type<ProofOfWork[]>().notNull().default([]),
    approach: text('approach', { enum: ['person', 'craft', 'blend'] })
      .notNull()
      .default('blend'),
    structure: text('structure', { enum: ['structured', 'client-led', 'blend'] })
      .notNull()
      .default('blend'),
    style: text('style', { enum: ['supportive', 'challenging', 'blend'] })
      .notNull()
      .default('blend'),
    credentials: text('credentials').array().notNull().default([]),
    background: text('background').notNull().default(''),
    worksWith: text('works_with').notNull().default(''),
    formats: text('formats').array().notNull().default(['video']),
    city: text('city'),
    languages: text('languages').array().notNull().default(['en']),
    timeZone: text('time_zone').notNull().default('UTC'),
    availability: jsonb('availability').$type<AvailabilityWindow[]>().notNull().default([]),
    capacity: integer('capacity').notNull().default(2),
    volunteer: boolean('volunteer').notNull().default(true),
    priceMin: integer('price_min'),
    priceMax: integer('price_max'),
    currency: text('currency'),
    organization: text('organization'),
    defaultCommitments: jsonb('default_commitments').$type<AgreementTerms | null>(),
    status: text('status', { enum: ['active', 'paused'] })
      .notNull()
      .default('active'),
    pausedReason: text('paused_reason'),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    lastActiveAt: timestamp('last_active_at', { withTimezone: true }).notNull().defaultNow(),
    // Directory (migration 0003): who they usually work with, as seniority levels for the fit score;
    // the weekly availability as UTC half-hour slots, so time-zone overlap is a check in SQL;
    // intro sessions the guide missed; and the text the full-text index is built from.
    seniorityLevels: text('seniority_levels').array().notNull().default([]),
    weekSlots: integer('week_slots').array().notNull().default([]),
    noShows: integer('no_shows').notNull().default(0),
    searchText: text('search_text').notNull().default(''),
    // Fit inputs in the form the directory scores every matching guide with (fit-sql.ts), written
    // only by the database (trigger guide_profiles_fit_inputs in migration directory_exact_ranking):
    // week_slots as a bit mask, and expertise trimmed and lower-cased as the fit score compares it.
    weekMask: weekMask('week_mask'),
    expertiseNorm: text('expertise_norm').array(),
    search: tsvector('search').generatedAlwaysAs(sql`to_tsvector('english'::regconfig, search_text)`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => {
    // The directory only ever shows searchable guides: active, with room for someone. Its indexes hold
    // only those rows, so a broad search walks the most recently active searchable guides in order and
    // stops at the pool size, and the array filters (language, format, expertise, seniority) and the
    // text search intersect small posting lists instead of reading every profile. The directory's SQL
    // writes this predicate out literally (directory-sql.ts) so the planner can always use them.
    // Week slots have no index: most guides share some hours with a member, so "overlaps my week" is
    // never selective enough for one, and it is checked per row against a multirange instead.
    const searchable = sql`${t.status} = 'active' and ${t.capacity} > 0`;
    return [
      index('guide_profiles_status_idx').on(t.status),
      index('guide_profiles_directory_recent_idx').on(t.lastActiveAt.desc(), t.userId).where(searchable),
      index('guide_profiles_directory_search_idx').using('gin', t.search).where(searchable),
      index('guide_profiles_directory_languages_idx').using('gin', t.languages).where(searchable),
      index('guide_profiles_directory_formats_idx').using('gin', t.formats).where(searchable),
      index('guide_profiles_directory_expertise_idx').using('gin', t.expertise).where(searchable),
      index('guide_profiles_directory_seniority_idx').using('gin', t.seniorityLevels).where(searchable),
    ];
  },
);

// How each guide answers intro requests, kept by the database (trigger intro_requests_reply_stats in
// migration directory_exact_ranking) whenever an intro request is created, answered or removed, so
// the directory reads one row per guide instead of aggregating intro requests per search. Keyed by
// the guide's id without a foreign key: the trigger removes the row when the last request goes.
export const guideReplyStats = pgTable('guide_reply_stats', {
  guideId: text('guide_id').primaryKey(),
  /** Requests not withdrawn before an answer. */
  asked: integer('asked').notNull(),
  answered: integer('answered').notNull(),
  medianReplySeconds: doublePrecision('median_reply_seconds'),
});
