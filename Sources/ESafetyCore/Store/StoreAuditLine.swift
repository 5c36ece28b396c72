/// One line of `audit.jsonl` as read back: the entry, or why the line is not one.
struct StoreAuditLine {
    /// 1-based line number in the file.
    var number: Int
    /// The entry, if the line is a valid one.
    var entry: AuditEntry?
    /// Why the line is not a valid entry, starting "line N ...", if it is not.
    var problem: String?
    /// The SHA-256 (hex) of the line's exact bytes, which the next entry records.
    var hash: String = ""
}
