import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';

// A plain data table that scrolls sideways on narrow screens instead of squeezing its columns.

/** `caption` names the table for screen readers (visually hidden unless `showCaption`). */
export function Table({
  caption,
  showCaption = false,
  children,
}: {
  caption: string;
  showCaption?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className={showCaption ? 'mb-2 text-left text-sm font-medium' : 'sr-only'}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function Thead({ children }: { children: ReactNode }) {
  return <thead className="text-xs uppercase text-slate-500 dark:text-slate-400">{children}</thead>;
}

export function Tbody({ children }: { children: ReactNode }) {
  return <tbody className="divide-y divide-slate-200 dark:divide-slate-800">{children}</tbody>;
}

export function Th({ className = '', ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" {...props} className={`py-1 pr-3 font-medium ${className}`} />;
}

export function Td({ className = '', ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td {...props} className={`py-1.5 pr-3 ${className}`} />;
}
