import type { Rng } from './rng';

/**
 * How long a message takes to travel one hop, in hours. Continuous delays make a replay look
 * organic (people answer at their own pace) instead of advancing in lock-step generations, and they
 * decide which of several competing arrivals a person hears first.
 *
 * Both hops are log-normal: human response times are right-skewed, the product of many independent
 * factors (noticing, reading, deciding, finding the moment), and log-normal fits them well while
 * staying strictly positive. `sigma` is the standard deviation of ln(delay); 90% of delays fall in
 * median · e^(±1.645·sigma).
 */
export interface LogNormalDelay {
  medianHours: number;
  sigma: number;
}

/**
 * Hard step: a direct message from the origin (mailing list, direct contact) lands quickly and
 * predictably. Median 15 minutes; 90% between about 7 and 34 minutes.
 */
export const HARD_DELAY: LogNormalDelay = { medianHours: 0.25, sigma: 0.5 };

/**
 * Soft hop: a person passing the story on does it when they get round to it. Median 1 hour; 90%
 * between about 12 minutes and 5 hours, with a thin tail of people who pass it on a day later.
 */
export const SOFT_DELAY: LogNormalDelay = { medianHours: 1, sigma: 1 };

/**
 * Draws hop delays from an Rng. Normals come from Box–Muller, which yields them in pairs: the spare
 * is kept for the next draw, so each delay costs on average one `rng.next()`, one `exp`, and half a
 * `log`/`sqrt`/`cos`.
 */
export class DelaySampler {
  private spare = 0;
  private hasSpare = false;
  private readonly hardMu: number;
  private readonly softMu: number;

  constructor(
    private readonly rng: Rng,
    private readonly hardDelay: LogNormalDelay = HARD_DELAY,
    private readonly softDelay: LogNormalDelay = SOFT_DELAY,
  ) {
    this.hardMu = Math.log(hardDelay.medianHours);
    this.softMu = Math.log(softDelay.medianHours);
  }

  hard(): number {
    return Math.exp(this.hardMu + this.hardDelay.sigma * this.standardNormal());
  }

  soft(): number {
    return Math.exp(this.softMu + this.softDelay.sigma * this.standardNormal());
  }

  standardNormal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    // 1 - next() lies in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - this.rng.next()));
    const angle = 2 * Math.PI * this.rng.next();
    this.spare = radius * Math.sin(angle);
    this.hasSpare = true;
    return radius * Math.cos(angle);
  }
}
