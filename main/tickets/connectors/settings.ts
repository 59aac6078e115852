/**
 * Settings pieces every connector uses: endpoints must be https (plain http only on loopback, for
 * tests and local relays), and secrets are validated but never echoed in messages.
 */
import { z } from 'zod';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const httpsUrl = z
  .url({ message: 'must be a URL' })
  .refine(
    (value) => {
      const url = new URL(value);
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
    },
    { message: 'must be an https:// URL (plain http is allowed only for localhost)' },
  )
  .refine((value) => new URL(value).username === '' && new URL(value).password === '', {
    message: 'must not contain a user name or password; use the credential setting',
  });

export const secretSchema = z.string().min(8, { message: 'is missing or too short (at least 8 characters)' });
