/// The names of the documents in a store, one JSON file each.
public enum DocumentName {
    public static let profile = "profile"
    public static let directory = "directory"
    public static let reportingLines = "reporting-lines"
}
