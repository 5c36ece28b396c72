import Foundation
import XCTest
@testable import ESafetyCore

final class StoreLocationTests: XCTestCase {
    private let everything = ["ESAFETY_STORE": "/env/store", "XDG_DATA_HOME": "/xdg", "HOME": "/home/sam"]

    func testExplicitOptionWinsOverEverything() {
        XCTAssertEqual(StoreLocation.resolve(explicit: "/opt/school", environment: everything).path, "/opt/school")
        XCTAssertEqual(StoreLocation.resolve(explicit: "~/data", environment: everything).path, "/home/sam/data")
    }

    func testEnvironmentVariableComesNext() {
        XCTAssertEqual(StoreLocation.resolve(explicit: nil, environment: everything).path, "/env/store")
        XCTAssertEqual(StoreLocation.resolve(explicit: "", environment: everything).path, "/env/store")
    }

    func testThenXDGDataHome() {
        var environment = everything
        environment["ESAFETY_STORE"] = ""
        XCTAssertEqual(StoreLocation.resolve(explicit: nil, environment: environment).path, "/xdg/esafety")
        environment["XDG_DATA_HOME"] = "relative/is/ignored"
        XCTAssertEqual(StoreLocation.resolve(explicit: nil, environment: environment).path,
                       "/home/sam/.local/share/esafety")
    }

    func testThenHomeLocalShare() {
        XCTAssertEqual(StoreLocation.resolve(explicit: nil, environment: ["HOME": "/home/sam"]).path,
                       "/home/sam/.local/share/esafety")
        XCTAssertTrue(StoreLocation.resolve(explicit: nil, environment: [:]).path.hasSuffix("/.local/share/esafety"))
    }

    func testRelativeExplicitPathIsFromTheCurrentDirectory() {
        let resolved = StoreLocation.resolve(explicit: "school-data", environment: [:]).path
        XCTAssertEqual(resolved, FileManager.default.currentDirectoryPath + "/school-data")
    }
}
