/**
 * What each figure on the Figures cards means and how it is computed, in plain words: the cards'
 * tooltips and their "how is this computed?" entries read these, so both always say the same.
 */
export const METRICS = ['total', 'hard', 'soft', 'outside', 'amplification'] as const;
export type Metric = (typeof METRICS)[number];

export interface MetricInfo {
  name: string;
  /** One line for the tooltip. */
  short: string;
  /** How it is computed, for the explanation under the cards. */
  computed: string;
}

export const METRIC_INFO: Readonly<Record<Metric, MetricInfo>> = {
  total: {
    name: 'Total reach',
    short: 'Everyone who has the word at this moment, the origin included',
    computed:
      'The number of people the spread has reached up to the moment on the timeline: origins, hard ' +
      'network, soft network and, in recorded posts, those from outside. "At the end" is the same ' +
      'count when the spread has finished.',
  },
  hard: {
    name: 'Hard network',
    short: 'People the origin told directly who got the message',
    computed:
      'Each of the origin’s direct contacts (or the ties the data marks as hard) gets the message ' +
      'with probability Delivery. In recorded posts: accounts that reposted, quoted or replied to ' +
      'the origin. Someone who heard it from another person first counts as soft.',
  },
  soft: {
    name: 'Soft network',
    short: 'People reached person to person, beyond the hard network',
    computed:
      'Everyone who got the word from someone other than the origin. In a simulation each person ' +
      'who has it tells each contact once, who takes it up with probability Worth (the model ' +
      'decides what more it takes); in recorded posts, whoever they reposted or were mentioned by.',
  },
  outside: {
    name: 'From outside',
    short: 'Accounts that used the hashtag with no source we can see',
    computed:
      'Recorded posts only: an account adopted the hashtag without reposting, quoting, replying to ' +
      'or being mentioned by an earlier adopter, so it heard it somewhere the data does not show.',
  },
  amplification: {
    name: 'Amplification',
    short: 'Total reach divided by what the hard network reached',
    computed:
      'Total reach ÷ (origins + hard-network deliveries): how many times further the word went ' +
      'because people passed it on. 1× means nobody passed it on; 87 reached from 1 origin and 5 ' +
      'deliveries is 87 ÷ 6 = 14.5×.',
  },
};
