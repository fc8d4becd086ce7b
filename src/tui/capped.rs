//! A backend that never reports a terminal larger than the app will draw.
//!
//! ratatui keeps two buffers of the whole terminal; a terminal that reports 65535×65535
//! cells would need about 200 GB for them. Beyond [`MAX_COLUMNS`]×[`MAX_ROWS`] the app
//! draws in the top-left corner and leaves the rest alone.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// The widest area drawn.
pub const MAX_COLUMNS: u16 = 1000;

/// The tallest area drawn.
pub const MAX_ROWS: u16 = 500;

/// `size` no larger than the drawn area.
pub fn cap(size: Size) -> Size {
    Size {
        width: size.width.min(MAX_COLUMNS),
        height: size.height.min(MAX_ROWS),
    }
}

/// Any backend, reporting at most [`MAX_COLUMNS`]×[`MAX_ROWS`].
#[derive(Debug)]
pub struct Capped<B>(pub B);

impl<B: Backend> Backend for Capped<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.0.draw(content)
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.0.size().map(cap)
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.0.window_size().map(|w| WindowSize {
            columns_rows: cap(w.columns_rows),
            pixels: w.pixels,
        })
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A terminal that claims 65535×65535 cells and records nothing.
    struct Huge;

    impl Backend for Huge {
        type Error = std::io::Error;
        fn draw<'a, I>(&mut self, _: I) -> std::io::Result<()>
        where
            I: Iterator<Item = (u16, u16, &'a Cell)>,
        {
            Ok(())
        }
        fn hide_cursor(&mut self) -> std::io::Result<()> {
            Ok(())
        }
        fn show_cursor(&mut self) -> std::io::Result<()> {
            Ok(())
        }
        fn get_cursor_position(&mut self) -> std::io::Result<Position> {
            Ok(Position::ORIGIN)
        }
        fn set_cursor_position<P: Into<Position>>(&mut self, _: P) -> std::io::Result<()> {
            Ok(())
        }
        fn clear(&mut self) -> std::io::Result<()> {
            Ok(())
        }
        fn clear_region(&mut self, _: ClearType) -> std::io::Result<()> {
            Ok(())
        }
        fn size(&self) -> std::io::Result<Size> {
            Ok(Size::new(u16::MAX, u16::MAX))
        }
        fn window_size(&mut self) -> std::io::Result<WindowSize> {
            Ok(WindowSize {
                columns_rows: Size::new(u16::MAX, u16::MAX),
                pixels: Size::new(0, 0),
            })
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_huge_terminal_is_drawn_in_a_capped_area() {
        let mut terminal = ratatui::Terminal::new(Capped(Huge)).expect("terminal");
        let frame = terminal
            .draw(|f| f.render_widget("hello", f.area()))
            .expect("draw");
        assert_eq!(frame.area.width, MAX_COLUMNS);
        assert_eq!(frame.area.height, MAX_ROWS);
    }
}
