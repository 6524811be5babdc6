import { z } from 'zod';
import { SHARED_NOTES_MAX_LENGTH } from '../../../domain/settings/relationships';
import { roles } from './my-relationships';

// Field shapes shared by the relationship-side sections. Text limits are the app's longest, so an
// export never fails on text the app itself accepted.
export const instant = z.iso.datetime();
export const role = z.enum(roles);
export const longText = z.string().max(SHARED_NOTES_MAX_LENGTH);
export const title = z.string().min(1).max(500);
export const ref = z.string().min(1);
