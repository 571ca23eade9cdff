package org.inversiontable.simulator.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.EnumMap;
import java.util.Hashtable;
import java.util.Locale;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JCheckBoxMenuItem;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JSlider;
import javax.swing.SwingUtilities;
import org.inversiontable.hardware.Button;
import org.inversiontable.sim.FaultGroup;
import org.inversiontable.simulator.InjectableFault;
import org.inversiontable.simulator.SimulatorControls;
import org.inversiontable.simulator.SimulatorStatus;
import org.inversiontable.time.Clock;

/**
 * The window's content: the table, the status, the chart, the hand controller, the e-stop and the
 * user's weight, plus the Faults menu. It builds and paints without a display (the screenshot and
 * the tests use it headless); {@link SimulatorWindow} only puts it in a frame and runs its timers.
 *
 * <pre>{@code
 * SimulatorPanel panel = new SimulatorPanel(controls, new SystemClock(), Tone.SILENT);
 * frame.setJMenuBar(panel.menuBar());
 * frame.setContentPane(panel);
 * new javax.swing.Timer(33, e -> panel.refresh()).start();
 * }</pre>
 *
 * Every method runs on the event thread; the controls are thread-safe and act at once.
 */
final class SimulatorPanel extends JPanel {
    static final String KEYS_TEXT = "Keys: \u2191/U UP and \u2193/D DOWN act while held \u00b7 H HOME \u00b7 "
            + "P PRESET (hold 3 s: store) \u00b7 S STOP (hold 2 s: reset) \u00b7 E E-STOP";
    /** The right column's width; its cards keep their own height and the glue takes the rest. */
    private static final int RIGHT_COLUMN_PX = 420;
    /** Wrapping width of the long texts inside a right-column card, in CSS px (Swing draws 4/3 of it). */
    private static final int TEXT_PX = 285;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font BODY = new Font(Font.SANS_SERIF, Font.PLAIN, 14);

    private final SimulatorControls controls;
    private final Clock clock;
    private final Tone tone;
    private final HandController hand;
    private final WindowKeys keys;
    private final BuzzerBeeps beeps = new BuzzerBeeps();
    private final AngleHistory history = new AngleHistory();
    private final TableView table = new TableView();
    private final AngleChart chart = new AngleChart(history);
    /** Null when the controls have no display to show. */
    private final OledView oled;
    private final JLabel angle = label("", new Font(Font.SANS_SERIF, Font.BOLD, 40), Palette.TEXT);
    private final JLabel state = label("", new Font(Font.SANS_SERIF, Font.BOLD, 20), Color.WHITE);
    private final JLabel angles = label("", BODY, Palette.INFO);
    private final JLabel inverted = label("", BODY, Palette.TEXT);
    private final Widgets.Bar budget = new Widgets.Bar();
    private final Widgets.Lamp led = new Widgets.Lamp("LED", Palette.LED_ON);
    private final Widgets.Lamp buzzer = new Widgets.Lamp("Buzzer", Palette.BUZZER_ON);
    private final JLabel motor = label("", new Font(Font.SANS_SERIF, Font.PLAIN, 12), Palette.INFO);
    private final JLabel message = label("", new Font(Font.SANS_SERIF, Font.BOLD, 14), Palette.INFO);
    private final JLabel holdHint = label(" ", new Font(Font.SANS_SERIF, Font.BOLD, 13), Palette.MOVING);
    private final Map<Button, Widgets.FlatButton> buttons = new EnumMap<>(Button.class);
    private final Widgets.EstopButton estop = new Widgets.EstopButton();
    private final JSlider weight = new JSlider(40, 150, 80);
    private final JLabel weightText = label("80 kg", new Font(Font.SANS_SERIF, Font.BOLD, 14), Palette.TEXT);
    private final Map<InjectableFault, JCheckBoxMenuItem> faultItems = new EnumMap<>(InjectableFault.class);
    private final Map<FaultGroup, JMenuItem> clearItems = new EnumMap<>(FaultGroup.class);
    private boolean engagedByThisPress;
    private boolean syncingWeight;

    SimulatorPanel(SimulatorControls controls, Clock clock, Tone tone) {
        super(new BorderLayout(12, 12));
        this.controls = controls;
        this.clock = clock;
        this.tone = tone;
        this.hand = new HandController(controls, clock);
        this.keys = new WindowKeys(hand, this::toggleEstop, clock);
        setBackground(Palette.BACKGROUND);
        setBorder(BorderFactory.createEmptyBorder(12, 12, 12, 12));
        this.oled = controls.displayFrame().isPresent() ? new OledView() : null;
        JPanel left = column();
        left.add(card("Table \u2014 side view at the true angle", table));
        left.add(Box.createVerticalStrut(12));
        if (oled != null) {
            left.add(card("Display on the table (SSD1306, 128x64)", oledRow()));
            left.add(Box.createVerticalStrut(12));
        }
        left.add(card("Angle, last 60 s", chart));
        JPanel right = new JPanel() {
            @Override
            public Dimension getPreferredSize() {
                return new Dimension(RIGHT_COLUMN_PX, super.getPreferredSize().height);
            }
        };
        right.setLayout(new BoxLayout(right, BoxLayout.Y_AXIS));
        right.setOpaque(false);
        right.add(card("Status", statusPanel()));
        right.add(Box.createVerticalStrut(12));
        right.add(card("Hand controller", handPanel()));
        right.add(Box.createVerticalStrut(12));
        right.add(estopPanel());
        right.add(Box.createVerticalStrut(12));
        right.add(card("User", weightPanel()));
        right.add(Box.createVerticalGlue());
        add(left, BorderLayout.CENTER);
        add(right, BorderLayout.EAST);
        refresh();
    }

    /** The menu bar: Faults (inject each, clear each group). */
    JMenuBar menuBar() {
        JMenuBar bar = new JMenuBar();
        JMenu faults = new JMenu("Faults");
        for (FaultGroup group : FaultGroup.values()) {
            if (group != FaultGroup.values()[0]) {
                faults.addSeparator();
            }
            for (InjectableFault f : InjectableFault.values()) {
                if (f.group() != group) {
                    continue;
                }
                JCheckBoxMenuItem item = faultItems.computeIfAbsent(f, k -> new JCheckBoxMenuItem(f.label()));
                item.setToolTipText("Click injects it (again); \u201cClear\u201d lifts every fault of its group");
                item.addActionListener(e -> {
                    controls.inject(f);
                    item.setSelected(true);
                });
                faults.add(item);
            }
            JMenuItem clear = clearItems.computeIfAbsent(group, g -> new JMenuItem("Clear " + groupName(g) + " faults"));
            clear.addActionListener(e -> controls.clear(group));
            faults.add(clear);
        }
        bar.add(faults);
        syncMenu(controls.status());
        return bar;
    }

    /** Reads the newest status and shows it; the window's timer calls this ~30 times a second. */
    void refresh() {
        refresh(controls.status());
    }

    void refresh(SimulatorStatus s) {
        PanelView v = PanelView.of(s);
        history.add(s);
        if (oled != null) {
            controls.displayFrame().ifPresent(oled::show);
        }
        table.show(s.angleTrueDeg(), s.angleMeasDeg(), s.limitAngleDeg());
        chart.setLimit(s.limitAngleDeg());
        chart.repaint();
        setText(angle, v.angleMeasText());
        setText(state, " " + v.stateText() + " ");
        state.setBackground(v.stateColor());
        setText(angles, "<html>" + escape(v.angleTrueText()) + " &nbsp;\u00b7&nbsp; <font color='#C62828'>"
                + escape(v.limitText()) + "</font></html>");
        setText(inverted, "Inverted " + v.invertedText() + "  \u00b7  " + v.budgetText());
        budget.show(v.budgetLeftFraction(), v.budgetColor());
        led.setOn(v.ledOn());
        buzzer.setOn(v.buzzerOn());
        setText(motor, v.motorText());
        // The backend's message already names the fault in words; the bare code is the fallback.
        String body = v.messageText().isEmpty() ? escape(v.faultText()) : escape(v.messageText());
        setText(message, body.isEmpty() ? "<html>&nbsp;<br>&nbsp;</html>"
                : "<html><body style='width:" + TEXT_PX + "px'>" + escape(prefix(v)) + body + "</body></html>");
        message.setForeground(v.severity().color);
        estop.setLatched(v.estopPressed(), v.estopText());
        for (Map.Entry<Button, Widgets.FlatButton> e : buttons.entrySet()) {
            e.getValue().setSelected(e.getKey().in(s.buttonsMask())); // what the controller sees held
        }
        String hint = hand.holdHint();
        setText(holdHint, hint.isEmpty() ? " " : hint);
        syncMenu(s);
        syncWeight(s.userKg());
        if (beeps.update(s.buzzerOn(), clock.nanoTime())) {
            tone.beep();
        }
    }

    /** The window's keyboard; returns true when the key was the hand controller's. */
    boolean dispatchKey(KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return false; // menu shortcuts and the desktop's own keys
        }
        return switch (e.getID()) {
            case KeyEvent.KEY_PRESSED -> keys.keyPressed(e.getKeyCode());
            case KeyEvent.KEY_RELEASED -> keys.keyReleased(e.getKeyCode());
            default -> false;
        };
    }

    /** Commits key releases after the auto-repeat grace; the window calls this every 10 ms. */
    void pollKeys() {
        keys.poll();
    }

    /** The window lost the focus: no button may stay held by a key or a mouse it will never see released. */
    void focusLost() {
        keys.focusLost();
        hand.releaseAll();
    }

    void close() {
        focusLost();
        tone.close();
    }

    Widgets.FlatButton button(Button b) {
        return buttons.get(b);
    }

    Widgets.EstopButton estopButton() {
        return estop;
    }

    JSlider weightSlider() {
        return weight;
    }

    JCheckBoxMenuItem faultItem(InjectableFault f) {
        return faultItems.get(f);
    }

    JMenuItem clearItem(FaultGroup g) {
        return clearItems.get(g);
    }

    Widgets.Bar budgetBar() {
        return budget;
    }

    /** The drawn display, or null when the controls have none. */
    OledView oledView() {
        return oled;
    }

    String messageText() {
        return message.getText();
    }

    private void toggleEstop() {
        boolean press = !controls.status().estopPressed();
        controls.setEstopPressed(press); // first: the e-stop acts before anything else is done
        if (press) {
            hand.releaseAll();
        }
        estop.setLatched(press, press ? PanelView.ESTOP_PRESSED_TEXT : PanelView.ESTOP_RELEASED_TEXT);
    }

    private JPanel statusPanel() {
        JPanel p = new JPanel(new GridBagLayout());
        p.setOpaque(false);
        state.setOpaque(true);
        JPanel top = new JPanel(new BorderLayout());
        top.setOpaque(false);
        JPanel angleBox = column();
        angleBox.add(angle);
        angleBox.add(label("measured angle", new Font(Font.SANS_SERIF, Font.PLAIN, 12), Palette.MUTED));
        top.add(angleBox, BorderLayout.WEST);
        JPanel stateBox = new JPanel(new FlowLayout(FlowLayout.RIGHT, 0, 10));
        stateBox.setOpaque(false);
        stateBox.add(state);
        top.add(stateBox, BorderLayout.EAST);
        int row = 0;
        p.add(top, at(row++));
        p.add(angles, at(row++));
        p.add(inverted, at(row++));
        p.add(budget, at(row++));
        JPanel lamps = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        lamps.setOpaque(false);
        led.setPreferredSize(new Dimension(110, 30));
        buzzer.setPreferredSize(new Dimension(130, 30));
        lamps.add(led);
        lamps.add(buzzer);
        p.add(lamps, at(row++));
        p.add(motor, at(row++));
        // Room for four lines, fixed: the layout must not jump when a fault's words appear.
        message.setVerticalAlignment(JLabel.TOP);
        message.setPreferredSize(new Dimension(TEXT_PX, 4 * message.getFontMetrics(message.getFont()).getHeight()));
        p.add(message, at(row));
        return p;
    }

    /** The display at the left of its card, as it sits beside the table. */
    private JPanel oledRow() {
        JPanel p = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        p.setOpaque(false);
        p.add(oled);
        return p;
    }

    private JPanel handPanel() {
        JPanel p = new JPanel(new GridBagLayout());
        p.setOpaque(false);
        GridBagConstraints c = new GridBagConstraints();
        c.fill = GridBagConstraints.BOTH;
        c.insets = new Insets(3, 3, 3, 3);
        c.weightx = 1;
        c.gridwidth = 3;
        c.gridx = 0;
        c.gridy = 0;
        p.add(handButton(Button.UP, "\u25B2  UP", Palette.MOVING, 18, 46), c);
        c.gridy = 1;
        p.add(handButton(Button.DOWN, "\u25BC  DOWN", Palette.MOVING, 18, 46), c);
        c.gridwidth = 1;
        c.gridy = 2;
        p.add(handButton(Button.HOME, "HOME", Palette.INFO, 15, 38), c);
        c.gridx = 1;
        p.add(handButton(Button.PRESET, "PRESET", Palette.INFO, 15, 38), c);
        c.gridx = 2;
        p.add(handButton(Button.STOP, "STOP", new Color(0x6D4C41), 15, 38), c);
        c.gridx = 0;
        c.gridy = 3;
        c.gridwidth = 3;
        p.add(holdHint, c);
        c.gridy = 4;
        p.add(label("<html><body style='width:" + TEXT_PX + "px'>" + KEYS_TEXT + "</body></html>",
                new Font(Font.SANS_SERIF, Font.PLAIN, 11), Palette.INFO), c);
        return p;
    }

    private Widgets.FlatButton handButton(Button b, String text, Color colour, int fontSize, int height) {
        Widgets.FlatButton button = new Widgets.FlatButton(text, colour, fontSize);
        button.setPreferredSize(new Dimension(100, height));
        button.addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                if (SwingUtilities.isLeftMouseButton(e)) {
                    hand.press(b, HandController.Source.MOUSE);
                }
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                if (SwingUtilities.isLeftMouseButton(e)) {
                    hand.release(b, HandController.Source.MOUSE);
                }
            }
        });
        buttons.put(b, button);
        return button;
    }

    private JComponent estopPanel() {
        // A real mushroom acts when pushed, not when let go: engage on the mouse press;
        // release (a deliberate act) on a click of the latched button.
        estop.addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                if (SwingUtilities.isLeftMouseButton(e) && !controls.status().estopPressed()) {
                    engagedByThisPress = true;
                    toggleEstop();
                }
            }
        });
        estop.addActionListener(e -> {
            if (engagedByThisPress) {
                engagedByThisPress = false;
            } else {
                toggleEstop();
            }
        });
        estop.setAlignmentX(Component.LEFT_ALIGNMENT);
        estop.setMaximumSize(new Dimension(Integer.MAX_VALUE, 120));
        return estop;
    }

    private JPanel weightPanel() {
        JPanel p = new JPanel(new BorderLayout(8, 0));
        p.setOpaque(false);
        Hashtable<Integer, JComponent> labels = new Hashtable<>();
        for (int kg : new int[] {40, 60, 80, 100, 120, 150}) {
            labels.put(kg, label(String.valueOf(kg), new Font(Font.SANS_SERIF, Font.PLAIN, 11), Palette.INFO));
        }
        weight.setLabelTable(labels);
        weight.setPaintLabels(true);
        weight.setMajorTickSpacing(10);
        weight.setPaintTicks(true);
        weight.setOpaque(false);
        weight.setFocusable(false);
        weight.addChangeListener(e -> {
            setText(weightText, weight.getValue() + " kg");
            if (!syncingWeight && controls.status().userKg() != weight.getValue()) {
                controls.setUserKg(weight.getValue());
            }
        });
        p.add(label("weight", BODY, Palette.INFO), BorderLayout.WEST);
        p.add(weight, BorderLayout.CENTER);
        weightText.setPreferredSize(new Dimension(60, 20));
        p.add(weightText, BorderLayout.EAST);
        return p;
    }

    private void syncWeight(double kg) {
        int rounded = (int) Math.round(kg);
        if (!weight.getValueIsAdjusting() && weight.getValue() != rounded) {
            syncingWeight = true;
            try {
                weight.setValue(rounded);
            } finally {
                syncingWeight = false;
            }
        }
    }

    private void syncMenu(SimulatorStatus s) {
        for (Map.Entry<InjectableFault, JCheckBoxMenuItem> e : faultItems.entrySet()) {
            boolean on = s.injected(e.getKey());
            if (e.getValue().isSelected() != on) {
                e.getValue().setSelected(on);
            }
        }
    }

    /** "WARNING: " unless the message already says so itself. */
    private static String prefix(PanelView v) {
        String p = v.severity().prefix;
        boolean saysItself = !p.isEmpty() && v.faultText().isEmpty()
                && v.messageText().toUpperCase(Locale.ROOT).startsWith(p.strip().replace(":", ""));
        return saysItself ? "" : p;
    }

    static String groupName(FaultGroup g) {
        return switch (g) {
            case IMU -> "IMU";
            case MOTOR -> "motor";
            case HOME_SWITCH -> "HOME switch";
        };
    }

    private static JPanel column() {
        JPanel p = new JPanel();
        p.setLayout(new BoxLayout(p, BoxLayout.Y_AXIS));
        p.setOpaque(false);
        return p;
    }

    private static JPanel card(String title, JComponent body) {
        JPanel card = new JPanel(new BorderLayout(0, 6)) {
            @Override
            public Dimension getMaximumSize() {
                return body instanceof TableView || body instanceof AngleChart ? super.getMaximumSize()
                        : new Dimension(Integer.MAX_VALUE, getPreferredSize().height);
            }
        };
        card.setBackground(Palette.CARD);
        card.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createLineBorder(Palette.GRID, 1, true),
                BorderFactory.createEmptyBorder(8, 12, 10, 12)));
        card.add(label(title.toUpperCase(Locale.ROOT), TITLE, Palette.MUTED), BorderLayout.NORTH);
        card.add(body, BorderLayout.CENTER);
        card.setAlignmentX(Component.LEFT_ALIGNMENT);
        return card;
    }

    private static GridBagConstraints at(int row) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridx = 0;
        c.gridy = row;
        c.weightx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.anchor = GridBagConstraints.WEST;
        c.insets = new Insets(2, 0, 4, 0);
        return c;
    }

    private static JLabel label(String text, Font font, Color colour) {
        JLabel l = new JLabel(text);
        l.setFont(font);
        l.setForeground(colour);
        return l;
    }

    private static void setText(JLabel l, String text) {
        if (!text.equals(l.getText())) {
            l.setText(text);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
