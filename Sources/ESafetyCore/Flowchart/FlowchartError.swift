/// A walk or a tick that the rules refuse, worded for the person at the terminal.
public enum FlowchartError: Error, Equatable, CustomStringConvertible {
    case unknownStep(String)
    case unknownOption(step: String, option: String)
    case reasonRequired(String)
    case notFinished
    case notAQuestion(String)
    case tooLong
    case unknownWalk(Int)
    case unknownAction(String)
    case alreadyDone(String)
    case notDone(String)
    case unusableChart([String])

    public var description: String {
        switch self {
        case .unknownStep(let id): return "The flowchart has no step \(id)."
        case .unknownOption(let step, let option): return "Step \(step) has no option \(option)."
        case .reasonRequired(let prompt): return "This answer needs a reason: \(prompt)"
        case .notFinished: return "The walk has not reached an outcome yet."
        case .notAQuestion(let id): return "Step \(id) is not a question."
        case .tooLong: return "The walk goes round without reaching a question or an outcome: check the flowchart (esafety flowchart check)."
        case .unknownWalk(let id): return "The incident has no flowchart walk \(id)."
        case .unknownAction(let id): return "The walk has no action \(id)."
        case .alreadyDone(let id): return "Action \(id) is already ticked."
        case .notDone(let id): return "Action \(id) is not ticked, so there is no tick to take back."
        case .unusableChart(let problems): return "The flowchart cannot be walked: " + problems.joined(separator: "; ")
        }
    }
}
