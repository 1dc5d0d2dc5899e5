import type { ReactNode } from 'react';
import { Table } from '@mantine/core';
import classes from './ScrollTable.module.css';

/**
 * A table container that scrolls sideways on narrow screens and can be focused and scrolled
 * with the keyboard (a scrollable region must be reachable: WCAG 2.1.1).
 */
export function ScrollTable({ label, minWidth, children }: { label: string; minWidth: number; children: ReactNode }) {
  return (
    <Table.ScrollContainer type="native" minWidth={minWidth} tabIndex={0} role="region" aria-label={label} className={classes.region}>
      {children}
    </Table.ScrollContainer>
  );
}
