import { cloneElement, useState, type ReactElement, type ReactNode } from 'react';
import { Tooltip } from 'antd';

/**
 * antd's hover Tooltip, mounted on the first hover. A Tooltip re-renders its trigger machinery
 * (resize observer, popup state) whenever its title changes; the score cell's title changes with
 * every keystroke, and nobody hovers while typing. Until hovered, the child renders alone; the first
 * mouseenter mounts the Tooltip already open, and from then on it behaves as antd's.
 */
export function HoverTooltip({ title, children }: { title: ReactNode; children: ReactElement<object> }) {
  const [hovered, setHovered] = useState(false);
  if (hovered)
    return (
      <Tooltip title={title} defaultOpen>
        {children}
      </Tooltip>
    );
  return cloneElement(children, { onMouseEnter: () => setHovered(true) } as object);
}
