'use client';
// Runs in the browser: an error boundary that shows nothing, around the not-found signal of a page that already shows its not-found view.

import { Component, type ReactNode } from 'react';

/** Renders its children, or nothing once they throw (see components/layout/not-found-page.tsx). */
export class SwallowError extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? null : this.props.children;
  }
}
