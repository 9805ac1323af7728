"""Document camera: page detection and clean-up (``page_detect``), auto-capture (``stillness``,
``pipeline``), the OpenCV adapter, the simulated desk and the camera as a ``Scanner``."""
