import ESafetyCore
import TerminalUI

/// Where the data lives, its format, the root key's fingerprint, and the latest entries of the
/// audit log that the person signed in may see (see `AuditView`).
final class StoreInfoScreen: AppScreen, Screen {
    private var entries: [AuditEntry] = []
    private var loadError: String?

    override init(context: AppContext) {
        super.init(context: context)
        willAppear()
    }

    let title = "About this store"
    var helpText: String { context.help("store-info") }
    var actions: ActionTable { ActionTable() }

    func willAppear() {
        do {
            entries = try context.workspace.visibleAuditEntries()
            loadError = nil
        } catch {
            loadError = String(describing: error)
        }
    }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let inner = rect.inset(top: 1, left: 2, right: 2)
        let store = context.workspace.store
        var y = inner.y
        let facts = [
            ("Folder", store.directory.path),
            ("Format", "esafety store, format version \(Store.formatVersion): JSON files you can read"),
            ("Access", store.access == .readOnly ? "read-only (--read-only)" : "read and write; other sessions may use it at the same time"),
            ("Fingerprint", (try? context.workspace.accounts().fingerprint).flatMap { $0 } ?? "(no accounts yet)"),
            ("Audit log", context.workspace.seesWholeAuditLog ? "\(entries.count) entries in audit.jsonl" : "\(entries.count) entries of yours"),
        ]
        for (label, value) in facts {
            canvas.write(DisplayWidth.pad(label, to: 12), at: Point(x: inner.x, y: y), style: .dim, clip: inner)
            y += max(1, canvas.writeWrapped(value, in: Rect(x: inner.x + 12, y: y, width: inner.width - 12, height: 3)))
        }
        y += 1
        if let loadError {
            for line in TextWrap.wrap(loadError, width: inner.width) where y < inner.maxY {
                canvas.write(line, at: Point(x: inner.x, y: y), style: .error, clip: inner); y += 1
            }
            return
        }
        canvas.write(context.workspace.seesWholeAuditLog ? "Latest changes" : "Your latest changes", at: Point(x: inner.x, y: y), style: .heading, clip: inner)
        y += 1
        // Newest first, each entry whole (wrapped under its time), as many as fit.
        for entry in entries.suffix(max(0, inner.maxY - y)).reversed() {
            let time = AuditFormatting.timestamp(entry.at) + "  "
            let indent = DisplayWidth.of(time)
            let lines = TextWrap.wrap("\(entry.actor.name): \(entry.summary)", width: max(10, inner.width - indent))
            guard y + lines.count <= inner.maxY else { break }
            canvas.write(time, at: Point(x: inner.x, y: y), style: .dim, clip: inner)
            for line in lines {
                canvas.write(line, at: Point(x: inner.x + indent, y: y), clip: inner)
                y += 1
            }
        }
    }

    func perform(_ action: ActionID) -> ScreenResponse { .unhandled }
}
