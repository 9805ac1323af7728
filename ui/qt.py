"""The one module that imports the Qt binding (PySide6); every other UI module imports Qt
names from here, so switching or pinning the binding touches one file (as Anki's
``aqt.qt`` and calibre's ``calibre.gui2`` do)."""
from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPointF,
    QRectF,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    QTranslator,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QDesktopServices,
    QFont,
    QFontDatabase,
    QFontMetrics,
    QIcon,
    QImage,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
    QPolygonF,
    QShortcut,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest  # tests drive the keyboard through it
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

# Where the binding's own tools (lrelease, lupdate) live.
PYSIDE_DIR = Path(PySide6.__file__).resolve().parent


__all__ = [
    "PYSIDE_DIR", "QAbstractButton", "QT_TRANSLATE_NOOP", "QAbstractItemView", "QAbstractTableModel",
    "QAction", "QApplication", "QBrush", "QButtonGroup", "QCheckBox", "QColor", "QComboBox", "QCoreApplication", "QDate",
    "QDateEdit", "QDesktopServices", "QDialog", "QDialogButtonBox", "QEvent", "QFileDialog", "QFont",
    "QFontDatabase", "QFontMetrics", "QFormLayout", "QFrame", "QGridLayout", "QHBoxLayout", "QHeaderView", "QIcon",
    "QImage", "QKeySequence", "QLabel", "QLineEdit", "QListWidget", "QListWidgetItem", "QLocale",
    "QMainWindow", "QMessageBox", "QModelIndex", "QObject", "QPainter", "QPrintDialog", "QPrinter",
    "QPixmap", "QSize", "QListView",
    "QProgressBar", "QPushButton", "QRectF", "QRunnable", "QScrollArea", "QShortcut", "QSizePolicy", "QSpinBox",
    "QStackedWidget", "QTabWidget", "QTableView", "QTableWidget", "QTableWidgetItem", "QTest", "QThreadPool", "QTimer",
    "QTranslator", "QUrl", "QVBoxLayout", "QWidget", "Qt", "Signal", "Slot", "isValid",
    "QPen", "QPointF", "QPolygonF",
]
