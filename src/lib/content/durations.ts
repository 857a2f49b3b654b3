// Durations as authors write them in frontmatter and YAML data: `15m`, `1h`, `1h30m`, `2d`.
// Stored as whole minutes so that SLAs sort and compare as numbers.

const UNIT_MINUTES = { d: 24 * 60, h: 60, m: 1 } as const;
const DURATION = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/;

/** Minutes in `text`, or `undefined` when it is not a duration such as `15m`, `1h30m` or `2d`. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match || !/\d/.test(text)) return undefined;
  const [, days = '0', hours = '0', minutes = '0'] = match;
  return Number(days) * UNIT_MINUTES.d + Number(hours) * UNIT_MINUTES.h + Number(minutes);
}

/** How a response target reads in a header: `15 min`, `1 h`, `1 h 30 min`, `2 d`, or `Immediately` for 0. */
export function formatDuration(minutes: number): string {
  if (minutes === 0) return 'Immediately';
  const days = Math.floor(minutes / UNIT_MINUTES.d);
  const hours = Math.floor((minutes % UNIT_MINUTES.d) / UNIT_MINUTES.h);
  const rest = minutes % UNIT_MINUTES.h;
  return [days && `${days} d`, hours && `${hours} h`, rest && `${rest} min`].filter(Boolean).join(' ');
}

/** Minutes back to the shortest text an author would write (`90` → `1h30m`): what `npm run new` puts in frontmatter. */
export function formatAuthorDuration(minutes: number): string {
  const days = Math.floor(minutes / UNIT_MINUTES.d);
  const hours = Math.floor((minutes % UNIT_MINUTES.d) / UNIT_MINUTES.h);
  const rest = minutes % UNIT_MINUTES.h;
  return `${days ? `${days}d` : ''}${hours ? `${hours}h` : ''}${rest || minutes === 0 ? `${rest}m` : ''}`;
}
