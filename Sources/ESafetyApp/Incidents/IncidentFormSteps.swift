import CivilTime
import ESafetyCore
import TerminalUI

/// One step of the incident report form: its title, its fields, and how to read them back into
/// the report.
@MainActor
struct IncidentFormStep {
    var title: String
    var form: Form
    var read: @MainActor (inout IncidentReport) -> Void
    /// For the action-taken steps: the tick list whose ticks carry who and when.
    var actionList: ActionTickState?
}

/// The ticks of an "Action taken" list, each with who did it and when; new ticks default to the
/// reporter and today.
@MainActor
final class ActionTickState {
    let field: CheckListField<String>
    let options: [FormOption]
    var taken: [String: ActionTaken]

    init(options: [FormOption], taken: [ActionTaken]) {
        self.options = options
        self.taken = Dictionary(taken.map { ($0.itemID, $0) }, uniquingKeysWith: { first, _ in first })
        field = CheckListField(options: options.map { (label: $0.label, value: $0.id) }, selection: Set(taken.map(\.itemID)))
        field.maxVisibleRows = 10
        field.detail = { [unowned self] id in self.taken[id].map { "by \($0.by), \($0.on)" } ?? "" }
    }

    /// Brings `taken` in line with the ticks after a key: new ticks get defaults, unticked go.
    func sync(defaultBy: String, today: CivilDate) {
        for id in field.selection where taken[id] == nil {
            taken[id] = ActionTaken(itemID: id, by: defaultBy.isEmpty ? "(who?)" : defaultBy, on: today)
        }
        for id in taken.keys where !field.selection.contains(id) { taken[id] = nil }
    }

    /// The ticked items in the form's order.
    var inOrder: [ActionTaken] { options.compactMap { taken[$0.id] } }

    /// The ticked option under the cursor, if any.
    var highlightedTicked: FormOption? {
        let option = options[field.highlightedIndex]
        return taken[option.id] == nil ? nil : option
    }
}

/// Builds the steps of the St Paul's form from a report (a draft, or a record being revised).
@MainActor
enum IncidentFormSteps {
    static func make(report: IncidentReport, form definition: IncidentFormDefinition, directory: RoleDirectory,
                     pupils: [RosterPerson] = [], today: CivilDate) -> [IncidentFormStep] {
        var steps: [IncidentFormStep] = []

        let date = DateField(date: report.occurredOn, latest: today)
        let time = TimeField(time: report.occurredAt)
        let reporter = TextField(text: report.reporterName, maxLength: 120, placeholder: "full name, not initials")
        let role = TextField(text: report.reporterRole, maxLength: 120, placeholder: "e.g. Year 4 teacher")
        let identified = TextField(text: report.identifiedHow, maxLength: 200)
        let location = ChoiceField(options: IncidentReport.Location.allCases.map { (label: $0.label, value: $0) }, selection: report.location)
        location.isVertical = true
        steps.append(IncidentFormStep(title: "Details of incident", form: Form(fields: [
            Form.Field(label: "Date happened", widget: date, required: true, help: "dd/mm/yyyy; not in the future"),
            Form.Field(label: "Time", widget: time, help: "HH:MM, 24-hour clock, if known"),
            Form.Field(label: "Reported by", widget: reporter, required: true, help: "The full name of the person reporting: initials are unreadable years later"),
            Form.Field(label: "Their role", widget: role, required: true),
            Form.Field(label: "How identified", widget: identified, help: "If not reported, how was the incident identified?"),
            Form.Field(label: "Where did it occur?", widget: location, required: true, help: "Space or ←/→ chooses"),
        ]), read: { report in
            report.occurredOn = date.date
            report.occurredAt = time.time
            report.reporterName = reporter.text
            report.reporterRole = role.text
            report.identifiedHow = identified.text
            report.location = location.selection
        }))

        func names(_ kind: InvolvedParty.Kind) -> String {
            report.involved.filter { $0.kind == kind }.map(\.name).joined(separator: "\n")
        }
        let children = TextArea(text: names(.child), visibleLines: 3, placeholder: "one name per line")
        let staff = TextArea(text: names(.staff), visibleLines: 3, placeholder: "one name per line")
        let others = TextArea(text: names(.other), visibleLines: 3, placeholder: "one per line: who, and how involved")
        let allegation = ChoiceField(options: [(label: "No", value: false), (label: "Yes", value: true)], selection: report.isStaffAllegation)
        steps.append(IncidentFormStep(title: "Who was involved", form: Form(fields: [
            Form.Field(label: "Child/young person", widget: children, help: "Full names, one per line; pupils on the roster are linked"),
            Form.Field(label: "Staff member", widget: staff, help: "Full names, one per line; names in the role directory are linked"),
            Form.Field(label: "Other (please specify)", widget: others),
            Form.Field(label: "Allegation against staff?", widget: allegation,
                       help: "Yes if a member of staff is alleged to have done this: only the head teacher (and the e-safety lead, unless it is about them) will see it"),
        ]), read: { report in
            report.allegationAgainstStaff = allegation.selection == true ? true : nil
            var parties: [InvolvedParty] = []
            for (kind, area) in [(InvolvedParty.Kind.child, children), (.staff, staff), (.other, others)] {
                for line in area.text.split(separator: "\n") {
                    let name = line.trimmingCharacters(in: .whitespaces)
                    guard !name.isEmpty else { continue }
                    // A child links to the one roster pupil of that name (a transfer or a subject access export
                    // finds them by it); anyone else to the role directory.
                    let namesakes = kind == .child ? pupils.filter { $0.nameMatches(name) } : []
                    let match = namesakes.count == 1 ? namesakes[0].id
                        : directory.people.first { TextSearch.fold($0.fullName) == TextSearch.fold(name) }?.id
                    parties.append(InvolvedParty(kind: kind, name: name, personID: match))
                }
            }
            report.involved = parties
        }))

        let types = CheckListField(options: definition.incidentTypes.map { (label: $0.label, value: $0.id) }, selection: Set(report.typeIDs))
        types.maxVisibleRows = 11
        let otherType = TextField(text: report.otherType, maxLength: 200)
        otherType.validator = { [unowned types] text in
            types.selection.contains(IncidentFormDefinition.otherTypeID) && text.trimmingCharacters(in: .whitespaces).isEmpty
                ? "Say what 'Other' is" : nil
        }
        let risks = CheckListField(options: definition.riskAreas.map { (label: $0.label, value: $0.id) }, selection: Set(report.riskAreaIDs))
        steps.append(IncidentFormStep(title: "Type of incident", form: Form(fields: [
            Form.Field(label: "Type (tick all)", widget: types, required: true, help: "Space ticks; tick every type that applies"),
            Form.Field(label: "Other, specify", widget: otherType),
            Form.Field(label: "Risk area", widget: risks, help: "Content, contact, conduct (Offord's three) and commerce"),
        ]), read: { report in
            report.typeIDs = types.selectedInOrder
            report.otherType = otherType.text
            report.riskAreaIDs = risks.selectedInOrder
        }))

        let description = TextArea(text: report.description, visibleLines: 10, placeholder: "What happened, in plain words")
        steps.append(IncidentFormStep(title: "Description of incident", form: Form(fields: [
            Form.Field(label: "Description", widget: description, required: true, help: "Enter starts a new line"),
        ]), read: { report in report.description = description.text }))

        let access = ChoiceField(options: IncidentReport.Access.allCases.map { (label: $0.label, value: $0) }, selection: report.access)
        let material = CheckListField(options: definition.materialUses.map { (label: $0.label, value: $0.id) }, selection: Set(report.materialUseIDs))
        let considered = CheckListField(options: definition.consideredAs.map { (label: $0.label, value: $0.id) }, selection: Set(report.consideredAsIDs))
        steps.append(IncidentFormStep(title: "Nature of incident", form: Form(fields: [
            Form.Field(label: "Access", widget: access, required: true, help: "Deliberate or accidental"),
            Form.Field(label: "Material was", widget: material, help: "Tick each that applies"),
            Form.Field(label: "Could be considered as", widget: considered),
        ]), read: { report in
            report.access = access.selection
            report.materialUseIDs = material.selectedInOrder
            report.consideredAsIDs = considered.selectedInOrder
        }))

        let staffActions = ActionTickState(options: definition.staffActions, taken: report.staffActions)
        let specific = TextArea(text: report.specificAction, visibleLines: 3)
        steps.append(IncidentFormStep(title: "Action taken: staff", form: Form(fields: [
            Form.Field(label: "Staff actions", widget: staffActions.field, help: "Space ticks (by the reporter, today); Enter on a ticked item changes who and when"),
            Form.Field(label: "Specific action", widget: specific, help: "e.g. removal of equipment"),
        ]), read: { report in
            report.staffActions = staffActions.inOrder
            report.specificAction = specific.text
        }, actionList: staffActions))

        let childActions = ActionTickState(options: definition.childActions, taken: report.childActions)
        steps.append(IncidentFormStep(title: "Action taken: child/young person", form: Form(fields: [
            Form.Field(label: "Child actions", widget: childActions.field, help: "Space ticks (by the reporter, today); Enter on a ticked item changes who and when"),
        ]), read: { report in report.childActions = childActions.inOrder }, actionList: childActions))

        let outcome = TextArea(text: report.outcome, visibleLines: 6, placeholder: "Can be written later, when the incident is closed")
        steps.append(IncidentFormStep(title: "Outcome", form: Form(fields: [
            Form.Field(label: "Outcome of incident/investigation", widget: outcome),
        ]), read: { report in report.outcome = outcome.text }))
        return steps
    }
}
