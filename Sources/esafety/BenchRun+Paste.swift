import ESafetyApp
import ESafetyCore
import Foundation
import TerminalUI

/// The rows of `bench run` for paste and drafts: a 100 KB paste into an incident's description
/// in the real application (drafts on, sealed and synced), and how many draft saves typing
/// makes before and after a pause.
extension BenchMeasurements {
    /// The size of the paste measured.
    static let pasteBytes = 100 * 1024

    func pasteRows() throws -> [Row] {
        let workspace = try open(smallStore, access: .readWrite)
        defer { workspace.store.close() }
        let log = try workspace.incidents()
        let earlier = try log.draft()
        defer {
            if let earlier { try? log.saveDraft(earlier) } else { try? log.discardDraft() }
        }
        // A draft on the description step (the fourth), offered back when the form opens.
        try log.saveDraft(IncidentDraft(step: 3, startedAt: Date(), savedAt: Date()))
        let terminal = VirtualTerminal(size: Size(width: 80, height: 24))
        let app = ESafetyApplication.make(terminal: terminal, workspace: workspace)
        for key: Key in [.character("1"), .character("1"), .character("y")] { app.process(.key(key)) }  // y: continue the draft
        guard app.draw().text.contains("Description of incident") else {
            throw UserFacingError("bench: the incident form did not open at its description step:\n\(app.draw().text)")
        }
        let line = "Pasted from the school's notes: the pupil showed the site to others in the class. "
        let text = String(repeating: line + "\n", count: Self.pasteBytes / (line.utf8.count + 1) + 1).prefix(Self.pasteBytes)
        let pasted = milliseconds {
            app.process(.paste(String(text)))
            terminal.present(app.draw())
        }
        guard try log.draft()?.report.description == String(text) else {
            throw UserFacingError("bench: the pasted description was not in the saved draft")
        }

        // Typing: no save until the pause, then one.
        let before = workspace.store.changeCount
        let typed = String(repeating: "typing on ", count: 20)
        for character in typed { app.process(.key(.character(character))) }
        let savesWhileTyping = workspace.store.changeCount - before
        app.typingDidPause()
        let savesAfterPause = workspace.store.changeCount - before - savesWhileTyping
        return [
            Row(name: "Paste 100 KB into an incident's description, drafts on: inserted, drawn, and the draft sealed and saved (fsync)",
                value: pasted, unit: "ms", target: "≤ 1000 ms", met: pasted <= 1000),
            Row(name: "Draft saves while typing \(typed.count) keys into it (saved when typing pauses)", value: Double(savesWhileTyping),
                unit: "", target: "0", met: savesWhileTyping == 0),
            Row(name: "Draft saves at the pause after them", value: Double(savesAfterPause), unit: "", target: "1", met: savesAfterPause == 1),
        ]
    }
}
