/// Drawing the application: the breadcrumb line, the top screen, the status line, the
/// function-key bar and any overlay; or "terminal too small".
extension Application {
    var isTooSmall: Bool {
        terminal.size.width < minimumSize.width || terminal.size.height < minimumSize.height
    }

    /// Draws the whole application into a canvas of the terminal's size.
    public func draw() -> Canvas {
        var canvas = drawScreens()
        if asciiOnly { canvas.useASCIIStandIns() }
        return canvas
    }

    private func drawScreens() -> Canvas {
        var canvas = Canvas(size: terminal.size)
        if isTooSmall {
            drawTooSmall(into: &canvas)
            return canvas
        }
        let bounds = canvas.bounds
        let header = bounds.top(1)
        // The status keeps up to half the line, whole if it can; the breadcrumb gives way first.
        let half = max(0, bounds.width / 2)
        var status = statusText()
        if DisplayWidth.of(status) > half, let compact = compactStatusText?() { status = compact }
        status = DisplayWidth.truncate(status, to: half)
        let statusWidth = status.isEmpty ? 0 : DisplayWidth.of(status) + 2
        let prefix = " " + name + " │ "
        let room = bounds.width - DisplayWidth.of(prefix) - statusWidth - 1
        canvas.writeLine(prefix + fittedBreadcrumb(width: room), in: header, style: .title)
        if !status.isEmpty {
            canvas.write(status, at: Point(x: bounds.maxX - statusWidth + 1, y: 0), style: .title)
        }
        // A message too long for one row wraps upward (up to three rows), so no word of it is lost.
        let messageLines = message.map { TextWrap.wrap($0.text, width: max(1, bounds.width - 2)) } ?? []
        let statusRows = max(1, min(3, messageLines.count, bounds.height - 4))
        let body = bounds.inset(top: 1, bottom: 1 + statusRows)
        top.draw(into: &canvas, rect: body)
        let statusArea = Rect(x: 0, y: body.maxY, width: bounds.width, height: statusRows)
        if let message {
            canvas.fill(statusArea, style: message.kind.style)
            for (row, line) in messageLines.prefix(statusRows).enumerated() {
                canvas.writeLine(" " + line, in: statusArea.row(row), style: message.kind.style)
            }
        } else if top.hasUnsavedChanges {
            canvas.writeLine(" Unsaved changes", in: statusArea, style: .warning)
        } else if let note = top.statusNote {
            canvas.writeLine(" " + note, in: statusArea, style: .dim)
        } else {
            canvas.fill(statusArea)
        }
        FunctionKeyBar(table: currentActions, functionKeys: terminal.functionKeys).draw(into: &canvas, rect: bounds.bottom(1))
        switch overlay {
        case .help(var help)?:
            help.draw(into: &canvas, rect: body)
            overlay = .help(help)
        case .confirm(_, let dialog)?:
            dialog.draw(into: &canvas, rect: body)
        case nil:
            break
        }
        return canvas
    }

    private func drawTooSmall(into canvas: inout Canvas) {
        let size = terminal.size
        let lines = [
            "Terminal too small",
            "\(size.width)x\(size.height), needs \(minimumSize.width)x\(minimumSize.height)",
            "Enlarge the window, or F10 to quit",
        ]
        let top = max(0, (size.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let shown = DisplayWidth.truncate(line, to: size.width)
            let x = max(0, (size.width - DisplayWidth.of(shown)) / 2)
            canvas.write(shown, at: Point(x: x, y: top + index), style: index == 0 ? .error : .normal)
        }
        canvas.cursor = nil
    }
}
