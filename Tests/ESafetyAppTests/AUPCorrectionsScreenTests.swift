import Foundation
import ESafetyCore
import TerminalUI
import XCTest
import TestSupport

/// AUP mistakes put right on a virtual 80x24 terminal: a void shown struck through in the
/// history, a whole class ticked after a confirmation with the count, a paper signature from
/// the signing screen, and a guest who reads the staff AUP before signing.
@MainActor
final class AUPCorrectionsScreenTests: AppTestCase {
    private func openClass4B() {
        press(.character("4"), .character("3"), .character("/"))
        type("4B")
        press(.enter)  // the only match opens at once
        XCTAssertEqual(app.top.title, "Class 4B")
    }

    func testAWrongTickIsVoidedWithAReasonAndShownStruckThroughInTheHistory() async throws {
        try launchWithPupils()
        openClass4B()
        press(.character(" "))  // Ada Fictional, first by name
        assertScreen(contains: "[x] Ada Fictional")
        press(.up)
        let form = press(.character("v"))
        XCTAssertEqual(app.top.title, "Void a signature", form)
        XCTAssertTrue(form.contains("Void Ada Fictional's Pupil AUP signature"), form)
        XCTAssertTrue(press(.function(2)).contains("Please correct the fields"), "a reason is required")
        type("Ticked the wrong pupil")
        press(.function(2))
        assertScreen(contains: "Voided Ada Fictional's Pupil AUP signature")
        assertScreen(contains: "[ ] Ada Fictional")
        assertScreen(contains: "0 of 3 signed (0%)")

        // The history keeps it, struck through, with who voided it and why.
        press(.escape)
        let menu = screen
        XCTAssertTrue(menu.contains("8  A person's signatures"), menu)
        press(.character("8"), .character("/"))
        type("ada")
        press(.enter)
        XCTAssertEqual(app.top.title, "Signatures: Ada Fictional")
        let history = screen
        XCTAssertTrue(history.contains("NOT SIGNED this year"), history)
        let row = try XCTUnwrap(history.split(separator: "\n").first { $0.contains("VOIDED: Ticked the wrong pupil") }, history)
        XCTAssertTrue(row.contains(struckThroughSample("Pupil AUP · with the class")), "the signature's words are struck through: \(row)")
        XCTAssertTrue(history.contains("by Test Office: Ticked the wrong pupil"), "who voided it, in full below: \(history)")
        XCTAssertEqual(try workspace.store.auditEntries().last?.action, "aup.void")
    }

    func testTickingAWholeClassAsksWithTheCountFirst() async throws {
        try launchWithPupils()
        openClass4B()
        press(.character(" "))
        let asked = press(.function(6))
        XCTAssertTrue(asked.contains("Record 2 pupils of class 4B not yet signed"), asked)
        press(.character("n"))
        assertScreen(contains: "1 of 3 signed (33%)")
        press(.function(6), .character("y"))
        assertScreen(contains: "Ticked 2 pupils of class 4B.")
        assertScreen(contains: "3 of 3 signed (100%)")
        XCTAssertTrue(press(.function(6)).contains("Everyone in class 4B has signed already"))
        XCTAssertEqual(try workspace.store.auditEntries().last?.action, "aup.sign.class")
    }

    func testSignedOnPaperFromTheSigningScreenNeedsTheDateOnThePaper() async throws {
        try launchWithPupils()
        press(.character("4"), .character("1"), .character("/"))
        type("cat f")
        press(.enter, .enter)
        XCTAssertEqual(app.top.title, "Sign: Cat Fictional")
        XCTAssertTrue(screen.contains("F5 if it was signed on paper"), screen)
        let paper = press(.function(5))
        XCTAssertEqual(app.top.title, "Paper: Cat Fictional", paper)
        press(.function(2))
        assertScreen(contains: "Recorded Cat Fictional's paper signature of \(workspace.today)")
        XCTAssertEqual(app.top.title, "AUP signatures", "the signing screen closes too")
        let cat = try XCTUnwrap(workspace.aup.people.first { $0.fullName == "Cat Fictional" })
        XCTAssertEqual(workspace.aup.countingSignature(of: cat, today: workspace.today)?.method, .paper)
    }

    func testAGuestReadsTheStaffAUPToItsEndBeforeTheSignatureForm() async throws {
        try launch(size: Size(width: 80, height: 16))
        press(.character("4"), .character("4"))
        XCTAssertEqual(app.top.title, "Guests and supply staff")
        let text = press(.function(7))
        XCTAssertEqual(app.top.title, "Staff AUP", text)
        XCTAssertTrue(text.contains("Read the text to its end"), text)
        XCTAssertFalse(text.contains("F2 Sign"), "no signature before the end: \(text)")
        press(.function(2))
        XCTAssertEqual(app.top.title, "Staff AUP")
        press(.end)
        assertScreen(contains: "end of the text")
        press(.function(2))
        XCTAssertEqual(app.top.title, "New guest")
        type("Sam Supply")
        press(.tab)
        type("Supply teacher")
        press(.tab, .tab)
        type(workspace.today.description)
        press(.tab)
        type("Sam Supply")
        press(.function(2))
        assertScreen(contains: "Sam Supply signed the staff AUP")
    }

    func testTheAUPTextsCanBeRead() async throws {
        try launch()
        press(.character("4"), .character("9"))
        XCTAssertEqual(app.top.title, "Read the AUP texts")
        assertScreen(contains: "Parent and carer AUP")
        press(.enter)
        XCTAssertEqual(app.top.title, "Pupil AUP")
        assertScreen(contains: "Pupil Acceptable Use Policy")
    }

    /// A few words with the combining long stroke the history draws through a voided signature.
    private func struckThroughSample(_ words: String) -> String {
        String(words.flatMap { $0 == " " ? [$0] : [$0, "\u{0336}"] })
    }
}
