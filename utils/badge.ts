// The toolbar badge: how many claims on the tab's page the references contradict.

export const BADGE_COLOR = '#b3261e';

/** The part of `action` (MV3) / `browserAction` (MV2) the badge needs. */
export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
}

/** Empty for none, so no badge is shown; capped so it fits the button. */
export function badgeText(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '';
  return count > 99 ? '99+' : String(Math.floor(count));
}

export async function showContradictionCount(api: BadgeApi, tabId: number, count: number): Promise<void> {
  await api.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
  await api.setBadgeText({ tabId, text: badgeText(count) });
}
