/// The formats records can be exported in.
public enum ExportFormat: String, CaseIterable, Sendable {
    case json, csv
}
