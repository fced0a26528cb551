'use client';
// Runs in the browser because cached pages are not rendered per view: the reader's browser is the only one who knows a page was read.

import { useEffect } from 'react';
import { VIEW_BEACON_PATH } from '@/lib/rankings/beacon-path';

type ViewBeaconProps = { articleId: string };

/**
 * Reports one view of the article once the page is actually in front of the
 * reader: not while it is prerendered by the browser (speculation rules) or
 * opened in a background tab, only when it becomes visible. Renders nothing.
 */
export function ViewBeacon({ articleId }: ViewBeaconProps) {
  useEffect(() => {
    let sent = false;
    const stop = () => {
      document.removeEventListener('visibilitychange', send);
      document.removeEventListener('prerenderingchange', send);
    };
    function send() {
      if (sent || document.visibilityState !== 'visible' || (document as Document & { prerendering?: boolean }).prerendering) return;
      sent = true;
      stop();
      const body = JSON.stringify({ id: articleId });
      // sendBeacon survives the reader leaving at once; it is missing in some
      // embedded browsers and refuses when its queue is full, hence fetch.
      if (!navigator.sendBeacon?.(VIEW_BEACON_PATH, body)) {
        fetch(VIEW_BEACON_PATH, { method: 'POST', body, keepalive: true, headers: { 'content-type': 'text/plain;charset=UTF-8' } }).catch(() => {});
      }
    }
    document.addEventListener('visibilitychange', send);
    document.addEventListener('prerenderingchange', send);
    send();
    return stop;
  }, [articleId]);
  return null;
}
