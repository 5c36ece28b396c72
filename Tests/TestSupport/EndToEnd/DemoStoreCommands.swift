import Foundation
import XCTest

extension XCTestCase {
    /// A new demo store (`esafety init --demo`), removed when the test ends.
    public func makeDemoStore(environment: [String: String]) throws -> URL {
        let store = try makeTemporaryStore()
        let created = try runEsafety(["init", "--demo", "--store", store.path], environment: environment)
        XCTAssertEqual(created.status, 0, created.standardError)
        return store
    }

    /// Runs esafety on `store` signed in as `user` (the passphrase from `environment`), expecting `status`.
    @discardableResult
    public func runSignedIn(_ arguments: [String], store: URL, as user: String, environment: [String: String], status: Int32 = 0,
                    file: StaticString = #filePath, line: UInt = #line) throws -> CommandResult {
        let result = try runEsafety(arguments + ["--store", store.path, "--user", user], environment: environment)
        XCTAssertEqual(result.status, status, "esafety \(arguments.joined(separator: " ")): \(result.standardError)\(result.standardOutput)", file: file, line: line)
        return result
    }
}
