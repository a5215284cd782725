/**
 * The plain-words explanation beside the graph: what the figures on screen mean for this spread.
 * Pure (no svelte, no DOM) so every wording can be unit-tested, including the awkward cases
 * (nobody to tell, nothing delivered, nobody passing it on).
 */

/** Counts by channel, as the Figures cards show them. */
export interface ChannelCounts {
  total: number;
  origin: number;
  hard: number;
  soft: number;
  outside: number;
}

export interface SpreadFacts {
  /** The first origin's name as shown ("Sylvia"); more origins are counted in `originCount`. */
  origin: string;
  originCount: number;
  mode: 'simulated' | 'recorded';
  /** The hashtag a recorded spread follows (null for cascade trees). */
  hashtag: string | null;
  /** People in the origins' hard network: whom they tell directly (simulated spreads). */
  told: number;
  /** Reach at the moment on screen, and at the end of the spread. */
  now: ChannelCounts;
  final: ChannelCounts;
  /** True when the playhead is at the end: the sentence speaks in the past, not "so far". */
  finished: boolean;
  worth: number;
  delivery: number;
  /** People in the network. */
  people: number;
}

export interface Explanation {
  /** One sentence with the live figures, e.g. "Sylvia told 6 people; 5 got it; …". */
  headline: string;
  /** What each word on screen means, with its value here: origin, hard, soft, worth, delivery. */
  terms: { term: string; meaning: string }[];
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const percent = (p: number) => `${Math.round(p * 100)}%`;

/** "14.5×", or null when there is nothing to divide by yet (shown as no amplification at all). */
export function formatAmplification(reach: ChannelCounts): string | null {
  const base = reach.origin + reach.hard;
  return base > 0 ? `${(reach.total / base).toFixed(1)}×` : null;
}

function originPhrase(facts: SpreadFacts): string {
  const others = facts.originCount - 1;
  return others > 0 ? `${facts.origin} and ${count(others, 'other', 'others')}` : facts.origin;
}

function simulatedHeadline(facts: SpreadFacts): string {
  const { now, told, finished } = facts;
  const who = originPhrase(facts);
  if (told === 0) {
    // With ties marked hard, an origin without any still tells her other contacts person to person.
    if (facts.final.soft === 0) {
      return `${who} has nobody to tell directly here (no hard network), so the word cannot start. Pick someone with contacts.`;
    }
    return withAmplification(
      [
        `${who} has no hard network here`,
        softPart(now.soft, finished, now.soft === 1 ? 'person' : 'people'),
      ],
      now,
    );
  }
  const parts = [`${who} told ${count(told, 'person', 'people')}`];
  parts.push(finished ? `${now.hard} got it` : `${now.hard} got it so far`);
  parts.push(softPart(now.soft, finished, 'more'));
  return withAmplification(parts, now);
}

function softPart(soft: number, finished: boolean, more: string): string {
  if (soft === 0) return finished ? 'nobody passed it on' : 'nobody has passed it on yet';
  return finished
    ? `the soft network carried it to ${soft} ${more}`
    : `the soft network has carried it to ${soft} ${more}`;
}

function recordedHeadline(facts: SpreadFacts): string {
  const { now } = facts;
  const tag = facts.hashtag ? `#${facts.hashtag}` : 'the story';
  const parts = [`${facts.origin} posted ${tag} first`];
  parts.push(`${now.hard} picked it up straight from them`);
  parts.push(`${now.soft} more from others`);
  if (now.outside > 0) parts.push(`${now.outside} from outside what we can see`);
  return withAmplification(parts, now);
}

function withAmplification(parts: string[], now: ChannelCounts): string {
  const amplification = formatAmplification(now);
  const tail = amplification ? `: ${amplification} amplification.` : '.';
  return parts.join('; ') + tail;
}

function terms(facts: SpreadFacts): Explanation['terms'] {
  const { final } = facts;
  if (facts.mode === 'recorded') {
    return [
      { term: 'Origin', meaning: `${facts.origin}, the first to post it (red-orange, largest).` },
      {
        term: 'Hard network',
        meaning: `Accounts that passed on ${facts.origin}’s own post: ${final.hard} (blue, larger).`,
      },
      {
        term: 'Soft network',
        meaning: `Accounts that got it from someone else: ${final.soft} (orange).`,
      },
      { term: 'Outside', meaning: `Used it with no source we can see: ${final.outside} (green).` },
      {
        term: 'Worth, delivery',
        meaning: 'Recorded posts show what happened; choose "Simulated" to ask "what if".',
      },
    ];
  }
  return [
    {
      term: 'Origin',
      meaning: `${originPhrase(facts)}, where the message starts (red-orange, largest).`,
    },
    {
      term: 'Hard network',
      meaning: `Whom the origin tells directly, like subscribers or friends: ${facts.told} here, ${final.hard} got it (blue, larger).`,
    },
    {
      term: 'Delivery',
      meaning: `${percent(facts.delivery)}: the chance each direct message gets through.`,
    },
    {
      term: 'Soft network',
      meaning: `Everyone else, reached person to person: ${final.soft} of ${facts.people} (orange).`,
    },
    {
      term: 'Worth',
      meaning: `${percent(facts.worth)}: the chance a person passes it on to each contact. It drives the soft network.`,
    },
  ];
}

export function explainSpread(facts: SpreadFacts): Explanation {
  const headline = facts.mode === 'recorded' ? recordedHeadline(facts) : simulatedHeadline(facts);
  return { headline, terms: terms(facts) };
}
