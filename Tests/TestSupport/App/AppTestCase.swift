import ESafetyApp
import ESafetyCore
import Foundation
import TerminalUI
import XCTest

/// Runs the real esafety screens on a `VirtualTerminal` over a real store in a temporary
/// folder. Test methods are `async` because synchronous `@MainActor` XCTest methods crash the
/// Linux test runner.
@MainActor
open class AppTestCase: XCTestCase {
    public var storeURL: URL!
    public var workspace: Workspace!
    public var terminal: VirtualTerminal!
    public var app: Application!
    public let actor = AuditActor(id: "test", name: "Test Office")

    /// Opens the app on a new store (demo data if asked) at the given size.
    public func launch(demo: Bool = false, size: Size = Size(width: 80, height: 24)) throws {
        setenv("ESAFETY_SCRYPT_COST_LOG2", "10", 1)  // quick demo accounts; real ones use 2^15
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("esafety-app-\(UUID().uuidString)")
        storeURL = url
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        workspace = try Workspace.create(at: storeURL, actor: actor, demo: demo)
        terminal = VirtualTerminal(size: size)
        // A demo store has accounts and leaves its head teacher signed in; a store without
        // accounts starts at home rather than at the first run's set-up.
        app = ESafetyApplication.make(terminal: terminal, workspace: workspace, requireSignIn: false)
    }

    /// Presses keys one by one and returns the screen as text.
    @discardableResult
    public func press(_ keys: Key...) -> String {
        for key in keys { app.process(.key(key)) }
        return app.draw().text
    }

    /// Types text into whatever has the focus and returns the screen as text.
    @discardableResult
    public func type(_ text: String) -> String {
        for character in text { app.process(.key(.character(character))) }
        return app.draw().text
    }

    public var screen: String { app.draw().text }

    public func assertScreen(contains text: String, file: StaticString = #filePath, line: UInt = #line) {
        let shown = screen
        XCTAssertTrue(shown.contains(text), "expected \"\(text)\" on screen:\n\(shown)", file: file, line: line)
    }
}
