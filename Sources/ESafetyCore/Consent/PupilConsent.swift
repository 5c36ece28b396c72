import CivilTime

/// Where one pupil's consent stands today, use by use, worked out from their events.
public struct PupilConsent: Sendable, Equatable {
    /// One use's state.
    public enum State: Sendable, Equatable {
        /// No consent form has been returned.
        case notAsked
        case given(ConsentEvent)
        case refused(ConsentEvent)
        case withdrawn(ConsentEvent)

        /// True only when consent was given and not withdrawn since.
        public var allows: Bool { if case .given = self { return true } else { return false } }

        /// "yes", "no", "withdrawn" or "not asked", as exported.
        public var word: String {
            switch self {
            case .notAsked: return "not asked"
            case .given: return "yes"
            case .refused: return "no"
            case .withdrawn: return "withdrawn"
            }
        }
    }

    public var personID: String
    public var states: [ConsentUse: State]
    /// The latest form returned, and the latest withdrawal.
    public var latestForm: ConsentEvent?
    public var latestWithdrawal: ConsentEvent?
    /// Every event, oldest first.
    public var history: [ConsentEvent]

    /// Replays `events` (of one pupil) in order.
    public init(personID: String, events: [ConsentEvent]) {
        self.personID = personID
        history = events.sorted(by: ConsentEvent.inOrder)
        var states = Dictionary(uniqueKeysWithValues: ConsentUse.allCases.map { ($0, State.notAsked) })
        for event in history {
            switch event.kind {
            case .given:
                latestForm = event
                for use in ConsentUse.allCases { states[use] = event.uses.contains(use) ? .given(event) : .refused(event) }
            case .withdrawn:
                latestWithdrawal = event
                for use in event.uses { states[use] = .withdrawn(event) }
            }
        }
        self.states = states
    }

    public func state(_ use: ConsentUse) -> State { states[use] ?? .notAsked }
    public func allows(_ use: ConsentUse) -> Bool { state(use).allows }

    /// The uses among `uses` that this pupil may not be shown in.
    public func refused(among uses: [ConsentUse]) -> [ConsentUse] { uses.filter { !allows($0) } }
}
