import CivilTime
import Foundation

extension ConsentRegister {
    /// Fictional consent forms for a demo store's pupils: most give every use, some refuse social
    /// media, a few never returned the form, one withdrew; and two images in use, one of which
    /// shows the pupil who withdrew (so the review list has an item).
    static func addDemoData(to workspace: Workspace) throws {
        let register = workspace.consents
        try register.load()
        let pupils = register.roster.people(in: .pupil)
        guard !pupils.isEmpty else { return }
        let today = workspace.today
        let formDate = today.adding(days: -60) ?? today
        var forms: [ConsentEvent] = []
        for (index, pupil) in pupils.enumerated() where index % 9 != 4 {
            let uses: [ConsentUse] = index % 5 == 2 ? [.website, .newsletterPress, .displays, .pupilsWork] : ConsentUse.allCases
            forms.append(ConsentEvent(personID: pupil.id, kind: .given, uses: uses, by: "Parent of \(pupil.fullName)", on: formDate,
                                      formVersion: "2026-v1", recordedBy: workspace.actor, recordedAt: workspace.now()))
        }
        try register.commit(forms, action: "consent.import", recordID: nil, summary: "Recorded fictional demo consent forms")
        let first = pupils[0]
        try register.addImage(description: "Harvest festival photo, school website news page", use: .website,
                              pupilIDs: Array(pupils.prefix(3).map(\.id)), publishedOn: formDate)
        try register.addImage(description: "Class display of autumn poems", use: .pupilsWork, pupilIDs: [pupils[1].id], publishedOn: formDate)
        try register.withdraw(personID: first.id, uses: [.website, .socialMedia], by: "Parent of \(first.fullName)",
                              on: today.adding(days: -3) ?? today)
    }
}
