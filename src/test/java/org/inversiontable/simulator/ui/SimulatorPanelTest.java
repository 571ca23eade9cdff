package org.inversiontable.simulator.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.inversiontable.hardware.Button;
import org.inversiontable.sim.FaultGroup;
import org.inversiontable.simulator.InjectableFault;
import org.inversiontable.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's content without a window: built, painted and clicked headless; no JFrame is opened. */
class SimulatorPanelTest {
    private final FakeSimulatorControls fake = new FakeSimulatorControls();
    private final ManualClock clock = new ManualClock(0);
    private final int[] beeps = new int[1];
    private final SimulatorPanel panel = new SimulatorPanel(fake, clock, () -> beeps[0]++);

    private static void mouse(Component c, int id) {
        c.setSize(200, 60);
        c.dispatchEvent(new MouseEvent(c, id, 0, InputEvent.BUTTON1_DOWN_MASK, 20, 20, 1, false, MouseEvent.BUTTON1));
    }

    private static void click(Component c) {
        mouse(c, MouseEvent.MOUSE_PRESSED);
        mouse(c, MouseEvent.MOUSE_RELEASED);
    }

    @Test
    void downPressedWithTheMouseActsUntilReleased() {
        mouse(panel.button(Button.DOWN), MouseEvent.MOUSE_PRESSED);
        assertEquals(List.of("DOWN down"), fake.calls());
        fake.advance(1.0);
        panel.refresh();
        assertTrue(panel.button(Button.DOWN).isSelected(), "the button shows what the controller sees held");
        mouse(panel.button(Button.DOWN), MouseEvent.MOUSE_RELEASED);
        assertEquals(List.of("DOWN down", "DOWN up"), fake.calls());
    }

    @Test
    void homePresetAndStopPassPressAndReleaseThrough() {
        click(panel.button(Button.HOME));
        click(panel.button(Button.PRESET));
        click(panel.button(Button.STOP));
        assertEquals(List.of("HOME down", "HOME up", "PRESET down", "PRESET up", "STOP down", "STOP up"), fake.calls());
    }

    @Test
    void theEstopEngagesOnThePressLatchesAndReleasesOnTheNextClick() {
        mouse(panel.button(Button.DOWN), MouseEvent.MOUSE_PRESSED);
        mouse(panel.estopButton(), MouseEvent.MOUSE_PRESSED);
        assertEquals(List.of("DOWN down", "estop on", "DOWN up"), fake.calls(), "e-stop first, then every button let go");
        mouse(panel.estopButton(), MouseEvent.MOUSE_RELEASED);
        panel.refresh();
        assertTrue(panel.estopButton().latched());
        assertEquals(PanelView.ESTOP_PRESSED_TEXT, panel.estopButton().getText());
        click(panel.estopButton());
        assertEquals(List.of("DOWN down", "estop on", "DOWN up", "estop off"), fake.calls());
        panel.refresh();
        assertFalse(panel.estopButton().latched());
    }

    @Test
    void theFaultsMenuInjectsEveryFaultAndClearsEachGroup() {
        panel.menuBar();
        for (InjectableFault f : InjectableFault.values()) {
            panel.faultItem(f).doClick(0);
        }
        panel.refresh();
        for (InjectableFault f : InjectableFault.values()) {
            assertTrue(panel.faultItem(f).isSelected(), f + " shows injected");
        }
        for (FaultGroup g : FaultGroup.values()) {
            panel.clearItem(g).doClick(0);
        }
        panel.refresh();
        for (InjectableFault f : InjectableFault.values()) {
            assertFalse(panel.faultItem(f).isSelected(), f + " shows cleared");
        }
        List<String> calls = fake.calls();
        assertEquals("inject IMU_STALE", calls.get(0));
        assertEquals(List.of("clear IMU", "clear MOTOR", "clear HOME_SWITCH"), calls.subList(10, 13));
        assertEquals(13, calls.size());
    }

    @Test
    void theWeightSliderSetsTheUserAndFollowsTheSimulator() {
        panel.weightSlider().setValue(120);
        assertEquals(List.of("kg 120"), fake.calls());
        fake.userKg = 55;
        panel.refresh();
        assertEquals(55, panel.weightSlider().getValue());
        assertEquals(List.of("kg 120"), fake.calls(), "following the simulator sends nothing back");
    }

    @Test
    void keysActWhileHeldAndLosingFocusLetsGo() {
        panel.dispatchKey(key(KeyEvent.KEY_PRESSED, KeyEvent.VK_DOWN));
        panel.dispatchKey(key(KeyEvent.KEY_PRESSED, KeyEvent.VK_DOWN));
        panel.focusLost();
        assertEquals(List.of("DOWN down", "DOWN up"), fake.calls());
        assertFalse(panel.dispatchKey(key(KeyEvent.KEY_PRESSED, KeyEvent.VK_X)));
    }

    @Test
    void theBuzzerBeepsAtSwitchOnAndEverySecondWhileOn() {
        fake.buzzer = true;
        panel.refresh();
        clock.advanceNanos(500_000_000L);
        panel.refresh();
        assertEquals(1, beeps[0]);
        clock.advanceNanos(600_000_000L);
        panel.refresh();
        assertEquals(2, beeps[0]);
        fake.buzzer = false;
        panel.refresh();
        fake.buzzer = true;
        panel.refresh();
        assertEquals(3, beeps[0]);
    }

    @Test
    void aFaultShowsItsCodeAndMeaningInRed() {
        fake.faultCode = "imu_stale";
        panel.refresh();
        assertTrue(panel.messageText().contains("FAULT: imu_stale: no fresh IMU sample"), panel.messageText());
    }

    @Test
    void theBudgetBarShowsThePartLeft() {
        fake.invertedS = 45;
        panel.refresh();
        assertEquals(0.75, panel.budgetBar().fraction(), 1e-9);
    }

    @Test
    void theContentPaintsIntoAnImageHeadless(@TempDir Path dir) throws Exception {
        fake.angleDeg = 30;
        panel.refresh();
        BufferedImage image = SimulatorScreenshot.render(panel);
        assertTrue(image.getWidth() >= 900 && image.getHeight() >= 600, image.getWidth() + "x" + image.getHeight());
        int background = image.getRGB(image.getWidth() - 3, image.getHeight() - 3);
        int estopRed = image.getRGB(image.getWidth() - 360, image.getHeight() - 180);
        assertNotEquals(background, estopRed, "something was painted");
        Path png = dir.resolve("shot.png");
        SimulatorScreenshot.write(fake, png);
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 0);
        assertTrue(Files.size(png) > 10_000);
    }

    private KeyEvent key(int id, int code) {
        return new KeyEvent(panel, id, 0, 0, code, KeyEvent.CHAR_UNDEFINED);
    }

    @Test
    void theTablesDisplayIsDrawnWhenTheControlsHaveOne() {
        org.junit.jupiter.api.Assertions.assertNull(panel.oledView(), "the kinematic stand-in has no display");
        byte[] frame = new byte[org.inversiontable.hardware.PixelDisplay.FRAME_BYTES];
        frame[3 * 128 + 7] = 0x04; // the pixel (7, 26)
        FakeSimulatorControls table = new FakeSimulatorControls();
        SimulatorPanel withDisplay = new SimulatorPanel(new org.inversiontable.simulator.SimulatorControls() {
            @Override
            public void setButton(Button button, boolean pressed) {
                table.setButton(button, pressed);
            }

            @Override
            public void setEstopPressed(boolean pressed) {
                table.setEstopPressed(pressed);
            }

            @Override
            public void inject(InjectableFault fault) {
                table.inject(fault);
            }

            @Override
            public void clear(FaultGroup group) {
                table.clear(group);
            }

            @Override
            public void setUserKg(double kg) {
                table.setUserKg(kg);
            }

            @Override
            public org.inversiontable.simulator.SimulatorStatus status() {
                return table.status();
            }

            @Override
            public java.util.Optional<byte[]> displayFrame() {
                return java.util.Optional.of(frame);
            }
        }, clock, () -> { });
        withDisplay.refresh();
        assertTrue(withDisplay.oledView().lit(7, 26));
        assertFalse(withDisplay.oledView().lit(8, 26));
        BufferedImage image = SimulatorScreenshot.render(withDisplay);
        assertTrue(image.getHeight() > 0);
    }
}
