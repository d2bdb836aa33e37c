import { Tooltip, type TooltipProps } from '@mantine/core';
import { useCallback, useRef, useState, type RefObject } from 'react';

interface HoverTarget<T extends HTMLElement> {
  ref: RefObject<T | null>;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  onFocus: () => void;
  onBlur: () => void;
}

/**
 * A tooltip that exists only while its target is hovered or focused. A Mantine Tooltip sets up
 * its floating logic when it is drawn, which is most of the cost of a table row that has one:
 * rows draw only their target, and the tooltip is made when someone points at it.
 *
 *   const hint = useHoverTooltip<HTMLDivElement>();
 *   <Badge {...hint.target}>…</Badge>
 *   {hint.render({ label: '…', withArrow: true })}
 */
export function useHoverTooltip<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [opened, setOpened] = useState(false);
  const show = useCallback(() => setOpened(true), []);
  const hide = useCallback(() => setOpened(false), []);
  const target: HoverTarget<T> = { ref, onPointerEnter: show, onPointerLeave: hide, onFocus: show, onBlur: hide };
  const render = (props: Omit<TooltipProps, 'target' | 'opened' | 'children'>) =>
    opened ? <Tooltip {...props} target={ref} opened /> : null;
  return { target, render };
}
