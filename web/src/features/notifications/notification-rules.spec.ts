import { describe, expect, it } from 'vitest';
import { deliveryChoices, deliveryOf, kindDelivery, notificationTarget, unreadIds } from './notification-rules';

describe('notificationTarget', () => {
  it('sends a state to its pairings to consent or report, to a need’s matches for a strong match, else to the need', () => {
    expect(notificationTarget('STATE', { kind: 'CONSENT_REQUESTED', needId: 'n1', matchId: 'm1' })?.path).toBe('/pairings');
    expect(notificationTarget('STATE', { kind: 'PROGRESS_REPORT_DUE', needId: 'n1', matchId: 'm1' })?.path).toBe('/pairings');
    expect(notificationTarget('STATE', { kind: 'STRONG_MATCH_FOR_NEED', needId: 'n1', matchId: 'm1' })?.path).toBe('/needs/n1/matches');
    expect(notificationTarget('STATE', { kind: 'NEED_RECONFIRMATION_DUE', needId: 'n1' })?.path).toBe('/needs/n1');
  });

  it('sends a donor to its pairings, or to the need in the browse pages for a strong match', () => {
    expect(notificationTarget('DONOR', { kind: 'CONSENT_GIVEN', needId: 'n1', matchId: 'm1' })?.path).toBe('/donor-pairings');
    expect(notificationTarget('DONOR', { kind: 'STRONG_MATCH_FOR_OFFER', needId: 'n1', matchId: 'm1' })?.path).toBe('/browse/n1');
  });

  it('sends the Secretariat to the need', () => {
    expect(notificationTarget('SECRETARIAT', { kind: 'PROGRESS_REPORT_DUE', needId: 'n1', matchId: 'm1' })?.path).toBe('/needs/n1');
    expect(notificationTarget('ADMIN', { kind: 'DAILY_SUMMARY' })).toBeNull();
  });

  it('offers no link when the API hid what the notification is about', () => {
    expect(notificationTarget('STATE', { kind: 'CONSENT_REQUESTED', needId: null, matchId: null })).toBeNull();
    expect(notificationTarget('DONOR', { kind: 'CONSENT_DECLINED', needId: null, matchId: null })).toBeNull();
  });
});

describe('delivery choices', () => {
  it('reads the API’s flags as one choice and writes it back', () => {
    expect(deliveryOf({ email: false, digest: true })).toBe('app');
    expect(deliveryOf({ email: true, digest: false })).toBe('immediate');
    expect(deliveryOf({ email: true, digest: true })).toBe('digest');
    expect(kindDelivery('immediate', { email: false, digest: true })).toEqual({ email: true, digest: false });
    expect(kindDelivery('digest', { email: true, digest: false })).toEqual({ email: true, digest: true });
  });

  it('keeps the digest flag when e-mail is turned off, so a digest by nature stays one', () => {
    expect(kindDelivery('app', { email: true, digest: true })).toEqual({ email: false, digest: true });
    expect(kindDelivery('app', { email: true, digest: false })).toEqual({ email: false, digest: false });
  });

  it('never offers "at once" for a kind that is a digest by nature', () => {
    expect(deliveryChoices(true)).toEqual(['app', 'digest']);
    expect(deliveryChoices(false)).toEqual(['app', 'immediate', 'digest']);
  });
});

describe('unreadIds', () => {
  it('takes only the unread notifications shown', () => {
    expect(unreadIds([{ id: 'a', readAt: null }, { id: 'b', readAt: '2026-12-01T10:00:00Z' }, { id: 'c' }])).toEqual(['a', 'c']);
  });
});
