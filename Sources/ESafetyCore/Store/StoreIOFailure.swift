/// An internal error from ``StoreFileIO``: which system call failed on which path, and `errno`.
/// ``Store`` turns it into a ``StoreError`` that names the file for people.
struct StoreIOFailure: Error, Equatable {
    /// What was being done, e.g. "write", "rename".
    var operation: String
    /// The path it was done to.
    var path: String
    /// The `errno` value.
    var code: Int32

    /// E.g. "No space left on device (write, errno 28)".
    var reason: String {
        "\(StoreSystemInfo.errorText(code)) (\(operation), errno \(code))"
    }
}
