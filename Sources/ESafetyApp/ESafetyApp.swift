import TerminalUI
import ESafetyCore
