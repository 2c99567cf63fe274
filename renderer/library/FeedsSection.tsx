import { useState, type FormEvent } from 'react';
import type { FeedSummary } from '../../common/api.ts';
import { failureText } from '../failure.ts';
import { plural } from '../format.ts';
import {
  refreshFeeds,
  REFRESH_INTERVAL_MINUTES,
  subscribeTo,
  unsubscribe,
  useFeeds,
} from './feeds-store.ts';

const nameOf = (f: FeedSummary) => f.title ?? new URL(f.url).host;

const timeOf = (iso: string) =>
  new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

interface Props {
  /** The feed whose articles the list shows, or null for all. */
  selected: string | null;
  onSelect: (url: string | null) => void;
}

/** What the last refresh did, in one line. */
function refreshLine(state: ReturnType<typeof useFeeds>): string {
  const every = `Refreshed every ${REFRESH_INTERVAL_MINUTES} minutes while Gloss is open.`;
  if (state.refreshing) return 'Refreshing your feeds…';
  const last = state.lastRefresh;
  if (!last) return every;
  const added = last.reports.reduce((n, r) => n + r.new, 0);
  return `Refreshed at ${timeOf(last.at)}: ${added ? plural(added, 'new article') : 'nothing new'}. ${every}`;
}

/** The Feeds section: subscriptions with unread counts, add, refresh, unsubscribe. */
export function FeedsSection({ selected, onSelect }: Props) {
  const state = useFeeds();
  const [adding, setAdding] = useState(false);
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [addError, setAddError] = useState<string | null>(null);
  const errors = new Map((state.lastRefresh?.reports ?? []).map((r) => [r.url, r.errors]));

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setAddError(null);
    try {
      await subscribeTo(address.trim());
      setAddress('');
      setAdding(false);
    } catch (error) {
      setAddError(`Not subscribed: ${failureText(error)}.`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="feeds" aria-labelledby="feeds-title">
      <div className="feeds-head">
        <h2 id="feeds-title">Feeds</h2>
        {!!state.feeds?.length && (
          <button
            type="button"
            className="bar-button"
            disabled={state.refreshing}
            onClick={() => void refreshFeeds()}
          >
            {state.refreshing ? 'Refreshing…' : 'Refresh'}
          </button>
        )}
        <button
          type="button"
          className="bar-button"
          aria-expanded={adding}
          aria-controls="feed-add"
          onClick={() => setAdding(!adding)}
        >
          Add feed…
        </button>
      </div>
      {adding && (
        <form id="feed-add" className="feed-add" onSubmit={(e) => void add(e)}>
          <label>
            Feed address
            <input
              type="url"
              placeholder="https://example.com/feed.xml"
              value={address}
              onChange={(e) => setAddress(e.target.value)}
              readOnly={busy}
              autoFocus
              required
            />
          </label>
          <button type="submit" className="primary-button" disabled={busy}>
            {busy ? 'Checking…' : 'Subscribe'}
          </button>
          {addError && (
            <p className="save-link-error" role="alert">
              {addError}
            </p>
          )}
        </form>
      )}
      {state.feeds?.length === 0 && !adding && (
        <p className="panel-hint">
          Subscribe to a news feed (RSS or Atom): its new articles are saved here to read offline.
        </p>
      )}
      {!!state.feeds?.length && (
        <ul className="feed-list">
          {state.feeds.map((f) => (
            <li key={f.url}>
              <button
                type="button"
                className="feed"
                aria-pressed={selected === f.url}
                onClick={() => onSelect(selected === f.url ? null : f.url)}
                title={f.url}
              >
                <span className="feed-title">{nameOf(f)}</span>
                <span className="feed-unread">{plural(f.unread, 'unread', 'unread')}</span>
              </button>
              <button
                type="button"
                className="row-delete"
                aria-label={`Unsubscribe from ${nameOf(f)}`}
                onClick={() => {
                  if (selected === f.url) onSelect(null);
                  void unsubscribe(f.url);
                }}
              >
                Unsubscribe
              </button>
              {!!errors.get(f.url)?.length && (
                <p className="feed-error">{errors.get(f.url)!.join('; ')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      {(!!state.feeds?.length || state.error) && (
        <p className="feeds-status" role="status">
          {state.error ? `Feeds: ${state.error}` : refreshLine(state)}
        </p>
      )}
    </section>
  );
}
