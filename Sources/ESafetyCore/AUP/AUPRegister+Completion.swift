import CivilTime

/// The completion report: who is due to sign this school year and who has not, with counts for
/// everyone, each group, and each pupil year group and class.
extension AUPRegister {
    /// Who has not signed, with counts: everyone, then each group, then each pupil year group and class.
    public func missingReport(today: CivilDate) -> [AUPMissingLine] {
        loadYear(SchoolYear(containing: today))
        var lines: [AUPMissingLine] = []
        var total = AUPMissingLine(level: .all, label: "Everyone", group: nil, completion: AUPCompletion(), missing: [])
        for group in RosterGroup.allCases {
            let due = people(in: group).filter { $0.isActive(on: today) }
            guard !due.isEmpty else { continue }
            let missing = due.filter { !hasSigned($0, today: today) }
            let line = AUPMissingLine(level: .group, label: group.plural, group: group,
                                      completion: AUPCompletion(signed: due.count - missing.count, due: due.count), missing: missing)
            lines.append(line)
            total.completion.signed += line.completion.signed
            total.completion.due += line.completion.due
            total.missing += missing
            if group == .pupil {
                lines += pupilLines(due: due, missing: Set(missing.map(\.id)))
            }
        }
        return [total] + lines
    }

    private func pupilLines(due: [RosterPerson], missing: Set<String>) -> [AUPMissingLine] {
        var lines: [AUPMissingLine] = []
        let yearGroups = Set(due.compactMap { $0.className.flatMap(schoolClass)?.yearGroup }).sorted()
        for yearGroup in yearGroups {
            let inYear = due.filter { $0.className.flatMap(schoolClass)?.yearGroup == yearGroup }
            lines.append(line(.yearGroup, SchoolClass.yearGroupName(yearGroup), inYear, missing))
            for schoolClass in classes where schoolClass.yearGroup == yearGroup {
                let inClass = inYear.filter { $0.className == schoolClass.name }
                if !inClass.isEmpty { lines.append(line(.className, "Class \(schoolClass.name)", inClass, missing)) }
            }
        }
        return lines
    }

    private func line(_ level: AUPMissingLine.Level, _ label: String, _ due: [RosterPerson], _ missing: Set<String>) -> AUPMissingLine {
        let notSigned = due.filter { missing.contains($0.id) }
        return AUPMissingLine(level: level, label: label, group: .pupil,
                              completion: AUPCompletion(signed: due.count - notSigned.count, due: due.count), missing: notSigned)
    }

    /// This school year's completion for everyone due to sign.
    public func completion(today: CivilDate) -> AUPCompletion {
        missingReport(today: today).first?.completion ?? AUPCompletion()
    }

    /// The people not signed, for one group or everyone.
    public func missing(group: RosterGroup?, today: CivilDate) -> [RosterPerson] {
        let report = missingReport(today: today)
        if let group { return report.first { $0.level == .group && $0.group == group }?.missing ?? [] }
        return report.first?.missing ?? []
    }
}
