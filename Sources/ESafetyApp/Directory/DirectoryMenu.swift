import TerminalUI

/// The role directory's own menu: roles, people, and who to tell.
@MainActor
enum DirectoryMenu: AreaEntry {
    static func open(context: AppContext) -> ScreenResponse {
        .push(MenuScreen(title: "Role directory", helpText: context.help("directory"), entries: [
            .init(title: "Roles", detail: "each role, its holders and responsibilities") { .push(RolesScreen.screen(context: context)) },
            .init(title: "People", detail: "everyone in the directory and the roles they hold") { .push(PeopleScreen.screen(context: context)) },
            .init(title: "Who do I tell?", detail: "the policies' reporting lines, with today's contacts") { .push(WhoToTellScreen(context: context)) },
        ]))
    }
}
