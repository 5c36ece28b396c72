/// Why an import was refused. Nothing is imported until the whole file is right.
public enum PeopleImportError: Error, Equatable, CustomStringConvertible {
    /// One bad row: its line number in the file (the header is line 1) and what is wrong.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var message: String
        /// The column of the file the problem is in, and what it held, where one is to blame.
        public var column: String? = nil
        public var value: String? = nil
        public var description: String { "line \(line): \(message)" }
    }

    case unreadable(String)
    case badMapping(String)
    case noNameColumn([String])
    case badRows([Problem], total: Int)

    public var description: String {
        switch self {
        case .unreadable(let why): return "The file cannot be read as CSV: \(why). Nothing was imported."
        case .badMapping(let why): return "The column mapping is wrong: \(why). Nothing was imported."
        case .noNameColumn(let header):
            return "No column holds the names (name, or forename and surname); the columns are: \(header.joined(separator: ", ")). Use a mapping such as name=Full Name. Nothing was imported."
        case .badRows(let problems, let total):
            let shown = problems.prefix(10).map { "  " + $0.description }.joined(separator: "\n")
            let more = total > 10 ? "\n  … and \(total - 10) more" : ""
            return "Nothing was imported: \(total) row\(total == 1 ? " needs" : "s need") fixing.\n\(shown)\(more)"
        }
    }
}
