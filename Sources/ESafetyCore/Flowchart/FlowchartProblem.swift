/// Something wrong with a flowchart, named by the step it is found at.
public struct FlowchartProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    /// The step the problem is at; nil for the chart as a whole.
    public var stepID: String?
    public var message: String
    /// Errors make the chart unusable; warnings (an id the defaults do not know) do not.
    public var severity: Severity

    public init(stepID: String?, _ message: String, severity: Severity = .error) {
        self.stepID = stepID; self.message = message; self.severity = severity
    }

    public var description: String {
        (severity == .warning ? "warning: " : "") + (stepID.map { "step \($0): " } ?? "") + message
    }
}
