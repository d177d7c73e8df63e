// Which block a keyword opens inside a given block: the id scheme the keyword tables use.
export function blockIdFor(parentId: string, keyword: string): string {
  return parentId === "top" ? keyword : `${parentId}>${keyword}`;
}
