import type { Model } from './types';

export interface ModelInfo {
  /** Short name for a menu. */
  name: string;
  /** One plain-language paragraph for the Spread panel. */
  explanation: string;
  /** The model's source, as a citation. */
  reference: string;
  /** A stable link to the reference (DOI where there is one). */
  url: string;
  /** Scenario fields beyond origins, worth, delivery and seed that this model reads. */
  parameters: readonly ('weighted' | 'minFraction' | 'minContacts' | 'activeHours')[];
}

/**
 * What each model means, for the UI. Every model shares the hard step (the origin's direct
 * contacts get it with probability `delivery`) and reads `worth` as the chance that a person tells
 * each of their contacts; they differ in what it takes to be convinced, and for how long people
 * keep telling.
 */
export const MODEL_INFO: Readonly<Record<Model, ModelInfo>> = {
  'independent-cascade': {
    name: 'Independent cascade',
    explanation:
      'Everyone who hears the story gets one chance to pass it on to each of their contacts, ' +
      'succeeding with probability "worth", independently of everyone else. Hearing it once is ' +
      'enough to believe it and pass it on. Optionally, stronger ties (heavier edges) pass it on ' +
      'more often: the chance becomes worth × weight / heaviest weight. Below a critical worth ' +
      'the story dies out near the origin; above it, it can reach a large part of the network.',
    reference:
      'Kempe, Kleinberg & Tardos (2003), Maximizing the spread of influence through a social ' +
      'network. KDD 2003; after Goldenberg, Libai & Muller (2001).',
    url: 'https://doi.org/10.1145/956750.956769',
    parameters: ['weighted'],
  },
  'complex-contagion': {
    name: 'Complex contagion',
    explanation:
      'Some stories need social proof: a person only takes it up after hearing it from several ' +
      'contacts, at least a count m of them or a fraction φ of the people who can reach them. ' +
      'Each adopter still tells each contact with probability "worth". Such stories travel ' +
      'through tight clusters with many redundant ties and stall at bridges, the opposite of ' +
      'simple news, which long weak ties carry furthest.',
    reference:
      'Centola & Macy (2007), Complex contagions and the weakness of long ties. American Journal ' +
      'of Sociology 113(3), 702–734.',
    url: 'https://doi.org/10.1086/521848',
    parameters: ['minFraction', 'minContacts', 'weighted'],
  },
  'linear-threshold': {
    name: 'Linear threshold',
    explanation:
      'Each person has a private, random threshold between 0 and 1: how much of their circle must ' +
      'have told them before they take the story up. Each contact who tells them counts for an ' +
      'equal share of that circle (or a share proportional to the tie’s weight). Easily ' +
      'convinced people start it; stubborn ones need most of their friends. Contacts tell them ' +
      'with probability "worth"; with worth 1 this is the classic model.',
    reference:
      'Granovetter (1978), Threshold models of collective behavior, American Journal of ' +
      'Sociology 83(6); in this form, Kempe, Kleinberg & Tardos (2003), KDD 2003.',
    url: 'https://doi.org/10.1145/956750.956769',
    parameters: ['weighted'],
  },
  forgetting: {
    name: 'Forgetting (SIR-like)',
    explanation:
      'People pass the story on only while it is fresh in their mind. Each person who hears it ' +
      'stays active for a random while (exponential, with a chosen mean in hours), then loses ' +
      'interest; a contact they would have told later than that never hears it from them. Like ' +
      'an epidemic where people recover: the shorter the attention span, the higher the worth a ' +
      'story needs to take off.',
    reference:
      'Kermack & McKendrick (1927), A contribution to the mathematical theory of epidemics ' +
      '(SIR model); for rumours, Daley & Kendall (1964), Nature 204, 1118.',
    url: 'https://doi.org/10.1038/2041118a0',
    parameters: ['activeHours', 'weighted'],
  },
};
