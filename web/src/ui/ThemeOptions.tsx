/**
 * The theme taxonomy as a select's options: one optgroup per group, the whole group first (a group code
 * stands for its themes wherever the API filters by theme), then its themes. Labels come already in the
 * reader's language; `wholeGroup` words the group's own option.
 */
export function ThemeOptions({
  groups,
  wholeGroup,
}: {
  groups: readonly { code: string; label: string; themes: readonly { code: string; label: string }[] }[];
  wholeGroup: (groupLabel: string) => string;
}) {
  return (
    <>
      {groups.map((group) => (
        <optgroup key={group.code} label={group.label}>
          <option value={group.code}>{wholeGroup(group.label)}</option>
          {group.themes.map((theme) => (
            <option key={theme.code} value={theme.code}>
              {theme.label}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
