import ESafetyCore
import TerminalUI

/// Images still in use that show a pupil whose consent for that use is no longer given: each
/// must come down, or new consent be recorded. Enter on one records it as taken down today.
final class ImagesReviewScreen: AppScreen, Screen {
    private let list: ListView<ImageReviewItem>

    override init(context: AppContext) {
        list = ListView(items: [], row: { $0.summary })
        super.init(context: context)
        reload()
    }

    let title = "Images in use to review"
    var helpText: String { context.help("policy-images") }
    var actions: ActionTable {
        ActionTable([Action(.takenDown, keys: [.character("d")], label: "TakenDown", help: "Record the selected image as taken down today", inBar: true)])
    }

    func stateDidChange() { reload() }

    private var problem: String?

    private func reload() {
        do {
            list.items = try context.workspace.consents.imagesToReview()
            problem = nil
        } catch {
            problem = String(describing: error)
        }
    }

    func draw(into canvas: inout Canvas, rect: Rect) {
        let hint = problem ?? (list.items.isEmpty ? "No image in use shows a pupil without consent for it."
            : "\(list.items.count) to review: take each down (d), or record new consent for the pupil.")
        canvas.write(hint, at: Point(x: rect.x + 2, y: rect.y), style: problem == nil ? .dim : .error, clip: rect)
        list.draw(into: &canvas, rect: rect.inset(top: 2, left: 2, right: 2), focused: true)
    }

    func handle(key: Key) -> ScreenResponse { list.handle(key: key) == .unhandled ? .unhandled : .handled }

    func perform(_ action: ActionID) -> ScreenResponse {
        guard action == .takenDown, let item = list.selectedItem else { return .unhandled }
        switch context.attempt({ try context.workspace.consents.removeImage(item.image.id, on: context.workspace.today) }) {
        case .success:
            reload()
            return .message("Recorded \(item.image.id) as taken down today.", .success)
        case .failure(let message): return message.response
        }
    }
}
