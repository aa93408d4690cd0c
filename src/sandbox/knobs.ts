import { Hold, type HoldHandle } from './hold.js';
import type { DropRule, FailRule, FakeKnobs, MalformedRule } from './knobTypes.js';
import type { ZoomUser } from './model/user.js';
import { revokeGrant } from './oauth/issue.js';
import type { RouteName } from './routes.js';
import type { FakeZoomState } from './state.js';

export type { DropRule, FailRule, FakeKnobs, MalformedRule } from './knobTypes.js';

interface Counted<T> {
  rule: T;
  remaining: number;
}

function take<T extends { route: RouteName }>(
  list: Counted<T>[],
  route: RouteName,
  extra: (rule: T) => boolean = () => true,
): T | undefined {
  const entry = list.find((c) => c.remaining > 0 && c.rule.route === route && extra(c.rule));
  if (!entry) return undefined;
  entry.remaining--;
  return entry.rule;
}

export class Knobs implements FakeKnobs {
  private latencyAll = 0;
  private readonly latencyByRoute = new Map<RouteName, number>();
  private readonly fails: Counted<FailRule>[] = [];
  private readonly drops: Counted<DropRule>[] = [];
  private readonly malformeds: Counted<MalformedRule>[] = [];
  private readonly holds = new Map<RouteName, Hold>();
  private authorizingUser: string | undefined;

  constructor(private readonly state: FakeZoomState) {}

  latency(ms: number, route?: RouteName): void {
    if (route === undefined) this.latencyAll = ms;
    else this.latencyByRoute.set(route, ms);
  }

  fail(rule: FailRule): void {
    this.fails.push({ rule, remaining: rule.times ?? 1 });
  }

  drop(rule: DropRule): void {
    this.drops.push({ rule, remaining: rule.times ?? 1 });
  }

  malformed(rule: MalformedRule): void {
    this.malformeds.push({ rule, remaining: rule.times ?? 1 });
  }

  hold(route: RouteName): HoldHandle {
    this.holds.get(route)?.release();
    const hold = new Hold();
    this.holds.set(route, hold);
    return hold;
  }

  setAuthorizingUser(userIdOrEmail: string): void {
    this.authorizingUser = this.state.requireUser(userIdOrEmail).id;
  }

  revokeAll(userIdOrEmail: string): void {
    const user = this.state.requireUser(userIdOrEmail);
    for (const grant of this.state.grants.values()) {
      if (grant.userId === user.id) revokeGrant(this.state, grant);
    }
  }

  invalidateZaks(userIdOrEmail: string): void {
    const user = this.state.requireUser(userIdOrEmail);
    for (const zak of this.state.zaks.values()) if (zak.userId === user.id) zak.invalidated = true;
  }

  expireAccessTokens(): void {
    const past = this.state.clock.now() - 1;
    for (const t of this.state.accessTokens.values()) t.expiresAt = Math.min(t.expiresAt, past);
  }

  reset(): void {
    this.latencyAll = 0;
    this.latencyByRoute.clear();
    this.fails.length = 0;
    this.drops.length = 0;
    this.malformeds.length = 0;
    for (const hold of this.holds.values()) hold.release();
    this.holds.clear();
    this.authorizingUser = undefined;
  }

  latencyFor(route: RouteName): number {
    return this.latencyByRoute.get(route) ?? this.latencyAll;
  }

  activeHold(route: RouteName): Hold | undefined {
    const hold = this.holds.get(route);
    return hold && !hold.released ? hold : undefined;
  }

  takeFail(route: RouteName): FailRule | undefined {
    return take(this.fails, route);
  }

  takeDrop(route: RouteName, when: DropRule['when']): boolean {
    return take(this.drops, route, (r) => r.when === when) !== undefined;
  }

  takeMalformed(route: RouteName): boolean {
    return take(this.malformeds, route) !== undefined;
  }

  authorizingUserRecord(): ZoomUser {
    return (this.authorizingUser && this.state.findUser(this.authorizingUser)) || this.state.owner;
  }
}
