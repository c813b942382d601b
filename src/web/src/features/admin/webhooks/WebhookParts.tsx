import type { Subscription } from './webhooksApi';

export function SubscriptionState({ subscription }: { subscription: Subscription }) {
  return subscription.enabled ? (
    <span className="tag tag--ok">Enabled</span>
  ) : (
    <span className="tag tag--off">Disabled</span>
  );
}
