export interface Column {
  readonly label: string;
  /** A column of numbers, aligned like them. */
  readonly number?: boolean;
}

export const numeric = (label: string): Column => ({ label, number: true });

/** The head row of a results table: a plain string is a column of words. */
export function TableHead({ columns }: { columns: readonly (string | Column)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, index) => {
          const { label, number } = typeof column === 'string' ? { label: column, number: false } : column;
          return (
            <th scope="col" class={number ? 'number' : undefined} key={index}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
