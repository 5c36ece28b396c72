/// What `get_wch` returned: a character (status `OK`) or a key code (status `KEY_CODE_YES`).
enum CursesInput: Hashable, Sendable {
    /// A Unicode scalar value, including control characters such as 27 (Esc) and 127.
    case character(UInt32)
    /// A curses key code such as `KEY_UP` (0o403) or `KEY_F(1)` (0o411).
    case keyCode(Int32)
}

/// The meaning of one `get_wch` result.
enum DecodedInput: Hashable, Sendable {
    case key(Key)
    /// `KEY_RESIZE`: the terminal changed size (ncurses has already resized its screen).
    case resize
    /// Something with no meaning for the application (a mouse report, a lone NUL, a C1 control).
    case ignored
}

/// Turns `get_wch` results into `Key`s. Pure: no curses calls, so the table can be unit-tested.
enum CursesKeyDecoder {
    /// The ncurses key codes this decoder knows (the values of the macros in `<ncurses.h>`; a test
    /// checks them against the header through the backend).
    enum Code {
        static let down: Int32 = 0o402
        static let up: Int32 = 0o403
        static let left: Int32 = 0o404
        static let right: Int32 = 0o405
        static let home: Int32 = 0o406
        static let backspace: Int32 = 0o407
        static let f0: Int32 = 0o410
        static let deleteCharacter: Int32 = 0o512
        static let insertCharacter: Int32 = 0o513
        static let nextPage: Int32 = 0o522
        static let previousPage: Int32 = 0o523
        static let enter: Int32 = 0o527
        static let lowerLeft: Int32 = 0o533
        static let keypadA1: Int32 = 0o534
        static let keypadA3: Int32 = 0o535
        static let keypadB2: Int32 = 0o536
        static let keypadC1: Int32 = 0o537
        static let keypadC3: Int32 = 0o540
        static let backTab: Int32 = 0o541
        static let end: Int32 = 0o550
        static let find: Int32 = 0o552
        static let shiftedDelete: Int32 = 0o577
        static let select: Int32 = 0o601
        static let resize: Int32 = 0o632
        /// `KEY_F(n)`.
        static func function(_ n: Int) -> Int32 { f0 + Int32(n) }
    }

    /// The highest function key reported (xterm sends Shift-F1..F12 as F13..F24).
    static let maximumFunctionKey = 24

    static func decode(_ input: CursesInput) -> DecodedInput {
        switch input {
        case .character(let value): return decodeCharacter(value)
        case .keyCode(let code): return decodeKeyCode(code)
        }
    }

    private static func decodeCharacter(_ value: UInt32) -> DecodedInput {
        switch value {
        case 0x0D, 0x0A: return .key(.enter)
        case 0x09: return .key(.tab)
        case 0x08, 0x7F: return .key(.backspace)
        case 0x1B: return .key(.escape)
        case 0x01...0x1A:
            // Ctrl-A .. Ctrl-Z (Ctrl-H, Ctrl-I, Ctrl-J and Ctrl-M are Backspace, Tab and Enter above).
            return .key(.control(Character(Unicode.Scalar(UInt8(value) + 0x60))))
        case 0x1C...0x1F:
            // Ctrl-\ Ctrl-] Ctrl-^ Ctrl-_
            return .key(.control(Character(Unicode.Scalar(UInt8(value) + 0x40))))
        case 0x00, 0x80...0x9F:
            return .ignored
        default:
            guard let scalar = Unicode.Scalar(value) else { return .ignored }
            return .key(.character(Character(scalar)))
        }
    }

    private static func decodeKeyCode(_ code: Int32) -> DecodedInput {
        switch code {
        case Code.up: return .key(.up)
        case Code.down: return .key(.down)
        case Code.left: return .key(.left)
        case Code.right: return .key(.right)
        case Code.home, Code.keypadA1, Code.find: return .key(.home)
        case Code.end, Code.keypadC1, Code.lowerLeft, Code.select: return .key(.end)
        case Code.previousPage, Code.keypadA3: return .key(.pageUp)
        case Code.nextPage, Code.keypadC3: return .key(.pageDown)
        case Code.backspace: return .key(.backspace)
        case Code.deleteCharacter, Code.shiftedDelete: return .key(.delete)
        case Code.insertCharacter: return .key(.insert)
        case Code.enter: return .key(.enter)
        case Code.backTab: return .key(.backTab)
        case Code.resize: return .resize
        case Code.function(1)...Code.function(maximumFunctionKey):
            return .key(.function(Int(code - Code.f0)))
        default: return .ignored
        }
    }
}
