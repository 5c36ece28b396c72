/// One problem found by ``Store/check()``: which file, and what is wrong with it.
public struct StoreProblem: CustomStringConvertible, Equatable, Sendable {
    /// The file's path relative to the store folder, e.g. `"people.json"` or `"incidents/2026.json"`;
    /// the store folder's own path for problems with the folder itself.
    public var file: String
    /// What is wrong, as a sentence for IT support, e.g. "line 12, column 3: unexpected end of file".
    public var problem: String

    /// Creates a problem report.
    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }

    /// `"file: problem"`, one line.
    public var description: String { "\(file): \(problem)" }
}
