import Foundation
import XCTest
@testable import ESafetyCore

/// A passphrase stretched before the store is open (the command line's sign-in) is used only for
/// exactly the passphrase, salt and cost the proven account gives, and changes nothing about
/// what a sign-in accepts, refuses or counts.
final class PassphrasePrederivationTests: StoreTestCase {
    func testTheEarlyDerivationServesTheSignInByNameOrId() throws {
        let (workspace, people) = try schoolWithAccounts()
        let head = try XCTUnwrap(people["Amira Haddad"]), other = try XCTUnwrap(people["Siobhán Byrne"])
        XCTAssertTrue(PassphrasePrederivation.derive(storePath: storeURL.path, user: "amira HADDAD", passphrase: "passphrase \(head.id)"))
        XCTAssertTrue(PassphrasePrederivation.derive(storePath: storeURL.path, user: "Siobhan Byrne", passphrase: "passphrase \(other.id)"),
                      "a name found as the sign-in finds it: case and accents aside")
        XCTAssertEqual(PassphrasePrederivation.untaken, 2)
        XCTAssertEqual(try signIn(head, to: workspace).personID, head.id)
        XCTAssertEqual(try signIn(other, to: workspace).personID, other.id)
        XCTAssertEqual(PassphrasePrederivation.untaken, 0, "each sign-in took its own")
        XCTAssertTrue(PassphrasePrederivation.derive(storePath: storeURL.path, user: head.id, passphrase: "passphrase \(head.id)"))
        XCTAssertEqual(try signIn(head, to: workspace).personID, head.id)
        XCTAssertEqual(PassphrasePrederivation.untaken, 0)
        XCTAssertFalse(PassphrasePrederivation.derive(storePath: storeURL.path, user: "Nobody Here", passphrase: "passphrase x1"))
        XCTAssertEqual(PassphrasePrederivation.untaken, 0)
    }

    func testAWrongPassphraseIsRefusedAndCountedAsEver() throws {
        let (workspace, people) = try schoolWithAccounts()
        let head = try XCTUnwrap(people["Amira Haddad"])
        XCTAssertTrue(PassphrasePrederivation.derive(storePath: storeURL.path, user: head.id, passphrase: "not the passphrase"))
        XCTAssertThrowsError(try workspace.accounts().signIn(personID: head.id, passphrase: "not the passphrase")) { error in
            guard case AccessError.wrongPassphrase(let remaining)? = error as? AccessError else { return XCTFail("\(error)") }
            XCTAssertEqual(remaining, SignInThrottle.freeAttempts - 1, "the failure is counted")
        }
        // Begun for one passphrase, asked for another: not used (the other is derived afresh).
        XCTAssertTrue(PassphrasePrederivation.derive(storePath: storeURL.path, user: head.id, passphrase: "passphrase \(head.id)"))
        XCTAssertThrowsError(try workspace.accounts().signIn(personID: head.id, passphrase: "another wrong one"))
        XCTAssertEqual(PassphrasePrederivation.untaken, 1)
        XCTAssertEqual(try signIn(head, to: workspace).personID, head.id)
        XCTAssertEqual(PassphrasePrederivation.untaken, 0)
    }

    /// A cost in users.json that esafety never sets is not stretched early: nothing unproven
    /// starts a stretch of gigabytes.
    func testAHandEditedCostIsNotStretchedEarly() throws {
        let (_, people) = try schoolWithAccounts()
        let head = try XCTUnwrap(people["Amira Haddad"])
        let users = URL(fileURLWithPath: path("users.json"))
        let text = try String(contentsOf: users, encoding: .utf8)
        XCTAssertTrue(text.contains("\"costLog2\" : 10"), "the tests' cost, as written")
        try Data(text.replacingOccurrences(of: "\"costLog2\" : 10", with: "\"costLog2\" : 30").utf8).write(to: users)
        XCTAssertFalse(PassphrasePrederivation.derive(storePath: storeURL.path, user: head.id, passphrase: "passphrase \(head.id)"))
        XCTAssertEqual(PassphrasePrederivation.untaken, 0)
    }

    /// users.json edited after the early read (or read while another session changed the
    /// passphrase): the salt the sign-in proves is not the one stretched, so it derives again.
    func testADerivationForAnotherSaltIsNotTaken() throws {
        let (workspace, people) = try schoolWithAccounts()
        let head = try XCTUnwrap(people["Amira Haddad"])
        let inputs = PassphrasePrederivation.Inputs(passphrase: "passphrase \(head.id)", salt: Data(repeating: 7, count: 16), costLog2: 10, blockSize: 8)
        XCTAssertNil(PassphrasePrederivation.take(inputs), "nothing begun")
        XCTAssertTrue(PassphrasePrederivation.derive(storePath: storeURL.path, user: head.id, passphrase: "passphrase \(head.id)"))
        XCTAssertNil(PassphrasePrederivation.take(inputs), "begun for the account's own salt, not this one")
        XCTAssertEqual(PassphrasePrederivation.untaken, 1)
        XCTAssertEqual(try signIn(head, to: workspace).personID, head.id)
        XCTAssertEqual(PassphrasePrederivation.untaken, 0)
    }
}
