import ESafetyCore
import Foundation

/// The exports of the consent register and the filtering records (`esafety export
/// consents|filtering`): sign in, then the core checks the permission as it reads.
enum PolicyExportCommand {
    enum What { case consents, filtering }

    static func export(_ what: What, _ workspace: Workspace, _ signIn: SignInOptions, _ format: ExportFormat) throws -> String {
        workspace.now = try TodayOverride.clock()
        try signIn.signIn(workspace)
        switch what {
        case .consents: return try ConsentExport.consents(workspace.consents, format: format)
        case .filtering: return try FilteringExport.filtering(workspace.filtering, format: format)
        }
    }
}
